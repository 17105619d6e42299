namespace Compare.Core.Analysis;

/// <summary>
/// Strings by their characters, for one thread: finds the string made of given characters without
/// allocating. Analysis runs on all cores and each thread keeps its own table, so a lookup takes no
/// lock and no generic dispatch (a shared concurrent dictionary did both, for every token).
/// </summary>
internal sealed class StringTable
{
    /// <summary>A table stops growing here (a document of unique words would otherwise fill memory).</summary>
    private const int MaxCount = 1 << 17;

    private string?[] _keys = new string?[1 << 12];
    private string?[] _values = new string?[1 << 12];
    private int _count;

    /// <summary>The value stored for the key made of these characters, or null.</summary>
    public string? Find(ReadOnlySpan<char> key)
    {
        var mask = _keys.Length - 1;
        for (var i = Hash(key) & mask; ; i = (i + 1) & mask)
        {
            var stored = _keys[i];
            if (stored is null)
            {
                return null;
            }

            if (key.SequenceEqual(stored))
            {
                return _values[i];
            }
        }
    }

    /// <summary>Stores a value for a key not in the table yet (nothing once the table is full).</summary>
    public void Add(string key, string value)
    {
        if (_count >= MaxCount)
        {
            return;
        }

        if ((_count + 1) * 2 > _keys.Length)
        {
            var (keys, values) = (_keys, _values);
            _keys = new string?[keys.Length * 2];
            _values = new string?[keys.Length * 2];
            for (var i = 0; i < keys.Length; i++)
            {
                if (keys[i] is { } k)
                {
                    Insert(k, values[i]!);
                }
            }
        }

        Insert(key, value);
        _count++;
    }

    private void Insert(string key, string value)
    {
        var mask = _keys.Length - 1;
        var i = Hash(key) & mask;
        while (_keys[i] is not null)
        {
            i = (i + 1) & mask;
        }

        _keys[i] = key;
        _values[i] = value;
    }

    /// <summary>FNV-1a over the characters.</summary>
    private static int Hash(ReadOnlySpan<char> text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
