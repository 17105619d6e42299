using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Compare.Tests.Shared;

/// <summary>
/// Golden files: compares output with <c>Snapshots/NAME.verified.EXT</c> beside the test source, shows
/// a DiffPlex line diff on mismatch (and writes <c>NAME.received.EXT</c>), and rewrites the golden file
/// when the environment has <c>UPDATE_SNAPSHOTS=1</c>.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string actual, string name, string extension, [CallerFilePath] string callerFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        var verified = Path.Combine(directory, $"{name}.verified.{extension}");
        var received = Path.Combine(directory, $"{name}.received.{extension}");
        actual = actual.ReplaceLineEndings("\n");

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verified, actual, new UTF8Encoding(false));
            File.Delete(received);
            return;
        }

        var expected = File.Exists(verified) ? File.ReadAllText(verified).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(received, actual, new UTF8Encoding(false));
        var message = new StringBuilder();
        message.Append(expected is null
            ? $"No golden file {verified}; wrote {received}. Run with UPDATE_SNAPSHOTS=1 to accept it.\n"
            : $"Output differs from {verified} (wrote {received}; UPDATE_SNAPSHOTS=1 accepts it):\n");
        if (expected is not null)
        {
            var diff = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false, ignoreCase: false);
            var shown = 0;
            foreach (var line in diff.Lines)
            {
                if (line.Type is ChangeType.Inserted or ChangeType.Deleted && shown++ < 60)
                {
                    message.Append(line.Type == ChangeType.Inserted ? "+ " : "- ").Append(line.Text).Append('\n');
                }
            }
        }

        throw new Xunit.Sdk.XunitException(message.ToString());
    }
}
