using System.Text;
using System.Text.RegularExpressions;
using Compare.Core;

namespace Compare.GitHub;

/// <summary>Path globs as the action's <c>paths</c> input takes them: <c>**</c> any folders, <c>*</c> any name part, <c>?</c> one character.</summary>
internal static class Glob
{
    /// <summary>The longest glob taken: longer ones are no path pattern anyone writes.</summary>
    private const int MaxLength = 1000;

    /// <summary>
    /// The glob as a regular expression matched without backtracking, so that no glob (<c>*a*a*a*…</c>) and
    /// no file name makes a match take longer than the name is long.
    /// </summary>
    /// <exception cref="InputException">The glob is empty or too long.</exception>
    public static Regex ToRegex(string glob)
    {
        if (string.IsNullOrWhiteSpace(glob) || glob.Length > MaxLength)
        {
            throw new InputException($"--paths: {(glob.Length > MaxLength ? $"a glob of more than {MaxLength} characters" : "an empty glob")}; give one such as seeds/**");
        }

        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                pattern.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                pattern.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }
}
