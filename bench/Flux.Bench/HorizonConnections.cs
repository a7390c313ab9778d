using System.Globalization;

namespace Flux.Bench;

/// <summary>
/// Open TCP connections of one process to one local port, read from /proc: its socket inodes (/proc/&lt;pid&gt;/fd)
/// matched with the established connections of its network namespace (/proc/&lt;pid&gt;/net/tcp and tcp6).
/// </summary>
public static class HorizonConnections
{
    private const string Established = "01";

    public static int Count(int pid, int remotePort)
    {
        var sockets = new HashSet<string>();
        try
        {
            foreach (var fd in Directory.EnumerateFiles($"/proc/{pid}/fd"))
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                    sockets.Add(target["socket:[".Length..^1]);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0; // the process has ended
        }

        var port = remotePort.ToString("X4", CultureInfo.InvariantCulture);
        var count = 0;
        foreach (var table in new[] { $"/proc/{pid}/net/tcp", $"/proc/{pid}/net/tcp6" })
        {
            if (!File.Exists(table))
                continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields[2].EndsWith($":{port}", StringComparison.Ordinal) && fields[3] == Established && sockets.Contains(fields[9]))
                    count++;
            }
        }
        return count;
    }
}
