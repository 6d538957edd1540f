using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.Logging;
using Portal.DingTalk.Simulator.Inbox;
using Portal.DingTalk.Simulator.Org;

namespace Portal.DingTalk.Simulator.State;

/// <summary>Reads and atomically replaces the simulator's JSON state file.</summary>
internal static class SimulatorFile
{
    // Not indented: an organisation of 100,000 people with a message each is a third smaller and faster to write.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static byte[] Serialize(OrganisationData organisation) => JsonSerializer.SerializeToUtf8Bytes(organisation, Json);

    /// <summary>The document of <see cref="SimulatorSnapshot"/>, with the organisation already written.</summary>
    public static byte[] Serialize(int seed, byte[] organisationJson, InboxData inboxes)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteNumber(Json.PropertyNamingPolicy!.ConvertName(nameof(SimulatorSnapshot.Version)), SimulatorSnapshot.CurrentVersion);
            writer.WriteNumber(Json.PropertyNamingPolicy.ConvertName(nameof(SimulatorSnapshot.Seed)), seed);
            writer.WritePropertyName(Json.PropertyNamingPolicy.ConvertName(nameof(SimulatorSnapshot.Organisation)));
            writer.WriteRawValue(organisationJson, skipInputValidation: true);
            writer.WritePropertyName(Json.PropertyNamingPolicy.ConvertName(nameof(SimulatorSnapshot.Inboxes)));
            JsonSerializer.Serialize(writer, inboxes, Json);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

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
