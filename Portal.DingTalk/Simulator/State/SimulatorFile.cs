using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.Logging;

namespace Portal.DingTalk.Simulator.State;

/// <summary>Reads and atomically replaces the simulator's JSON state file.</summary>
internal static class SimulatorFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static byte[] Serialize(SimulatorSnapshot snapshot) => JsonSerializer.SerializeToUtf8Bytes(snapshot, Json);

    /// <summary>The stored snapshot, or null when there is none or it cannot be read (it is then set aside, not overwritten).</summary>
    public static SimulatorSnapshot? TryRead(string path, ILogger logger)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(path);
            var snapshot = JsonSerializer.Deserialize<SimulatorSnapshot>(stream, Json);
            if (snapshot is { Version: SimulatorSnapshot.CurrentVersion } && snapshot.Organisation.Departments.Count > 0)
            {
                return snapshot;
            }
        }
        catch (JsonException exception)
        {
            logger.LogWarning(exception, "DingTalk simulator state {Path} is not valid JSON", path);
        }

        var aside = path + ".unreadable";
        File.Move(path, aside, overwrite: true);
        logger.LogWarning("DingTalk simulator state {Path} was set aside as {Aside}; a new organisation is generated", path, aside);
        return null;
    }

    /// <summary>Writes beside the target and renames over it, so a reader or a crash never sees half a file.</summary>
    public static void WriteAtomically(string path, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Guid.NewGuid():n}.tmp";
        try
        {
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
