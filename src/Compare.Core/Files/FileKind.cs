using System.Runtime.InteropServices;

namespace Compare.Core.Files;

/// <summary>What a path names, as <c>stat</c> tells: .NET says a file exists but not whether it is a device, a FIFO or a socket.</summary>
internal enum FileKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A character or block device, a FIFO or a socket: written through, never replaced.</summary>
    Special,
}

/// <summary>Tells a path's kind and identity (device and inode) through the C library's <c>stat</c>, which follows links.</summary>
internal static partial class FileKinds
{
    /// <summary>The kind of what the path names, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        if (Stat(path) is { } stat)
        {
            return (stat.Mode & TypeMask) switch
            {
                RegularType => FileKind.Regular,
                DirectoryType => FileKind.Directory,
                _ => FileKind.Special,
            };
        }

        // No stat here (Windows, or a C library this does not know): what .NET can tell. A path under
        // /dev or /proc is a device's or a process's, never a file to replace.
        if (System.IO.Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }

        var full = Path.GetFullPath(path);
        return full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal) ? FileKind.Special : FileKind.Regular;
    }

    /// <summary>Whether two paths name the same file (the same device and inode; the same full path where stat is not available).</summary>
    public static bool Same(string a, string b)
    {
        if (Stat(a) is { } x && Stat(b) is { } y)
        {
            return x.Device == y.Device && x.Inode == y.Inode;
        }

        return string.Equals(Resolved(a), Resolved(b), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
    }

    private static string Resolved(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full;
        }
    }

    private const uint TypeMask = 0xF000;
    private const uint RegularType = 0x8000;
    private const uint DirectoryType = 0x4000;

    private readonly record struct Status(ulong Device, ulong Inode, uint Mode);

    /// <summary>
    /// Where <c>struct stat</c> keeps the device, the inode and the mode on the platforms this reads it on
    /// (glibc and musl on x64 and arm64, macOS on arm64), or null elsewhere.
    /// </summary>
    private static readonly (int Device, int Inode, int Mode, bool ShortMode)? Layout =
        OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64 ? (0, 8, 24, false)
        : OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? (0, 8, 16, false)
        : OperatingSystem.IsMacOS() && RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? (0, 8, 4, true)
        : null;

    private static bool _unavailable;

    /// <summary>The file's device, inode and mode, following links; null when it does not exist or stat cannot be asked.</summary>
    private static Status? Stat(string path)
    {
        if (Layout is not { } layout || _unavailable)
        {
            return null;
        }

        var buffer = new byte[512];
        try
        {
            if (NativeStat(path, ref buffer[0]) != 0)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            _unavailable = true; // A C library older than glibc 2.33 exports no stat: .NET's view is used instead.
            return null;
        }

        var span = buffer.AsSpan();
        var device = layout.ShortMode ? BitConverter.ToUInt32(span[layout.Device..]) : BitConverter.ToUInt64(span[layout.Device..]);
        var mode = layout.ShortMode ? BitConverter.ToUInt16(span[layout.Mode..]) : BitConverter.ToUInt32(span[layout.Mode..]);
        return new Status(device, BitConverter.ToUInt64(span[layout.Inode..]), mode);
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int NativeStat(string path, ref byte buffer);
}
