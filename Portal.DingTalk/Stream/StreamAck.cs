using System.Text.Json;
using Portal.DingTalk.Events;

namespace Portal.DingTalk.Stream;

/// <summary>
/// The client's answer to a frame: <c>{code, headers:{contentType, messageId}, message, data}</c>,
/// <c>data</c> again a JSON document carried as a string.
/// </summary>
public sealed class StreamAck
{
    public const int OkCode = 200;

    private const string SuccessStatus = "SUCCESS";
    private const string LaterStatus = "LATER";

    public int Code { get; init; } = OkCode;

    public string? MessageId { get; init; }

    public string Message { get; init; } = "OK";

    public string Data { get; init; } = "";

    /// <summary>The ack of an EVENT frame: <c>{"status":"SUCCESS"|"LATER","message":…}</c>.</summary>
    public static StreamAck ForEvent(string? messageId, EventAck ack) => new()
    {
        MessageId = messageId,
        Data = StreamJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", ack == EventAck.Later ? LaterStatus : SuccessStatus);
            writer.WriteString("message", ack == EventAck.Later ? "later" : "success");
            writer.WriteEndObject();
        }),
    };

    /// <summary>The ack of a SYSTEM frame, which returns the frame's data unchanged (ping's opaque value).</summary>
    public static StreamAck Echo(StreamFrame frame) => new() { MessageId = frame.MessageId, Data = frame.Data };

    /// <summary>
    /// How the sender of an EVENT ack answered: <see cref="EventAck.Success"/> only for code 200 with
    /// status SUCCESS; anything else asks for redelivery.
    /// </summary>
    public EventAck EventStatus
    {
        get
        {
            if (Code != OkCode)
            {
                return EventAck.Later;
            }

            try
            {
                using var document = StreamJson.ParseObject(Data, "ack data");
                var status = StreamJson.Text(StreamJson.Field(document.RootElement, "status"));
                return string.Equals(status, SuccessStatus, StringComparison.OrdinalIgnoreCase) ? EventAck.Success : EventAck.Later;
            }
            catch (FormatException)
            {
                return EventAck.Later;
            }
        }
    }

    /// <exception cref="FormatException">The text is not a JSON object.</exception>
    public static StreamAck Parse(string json)
    {
        using var document = StreamJson.ParseObject(json, "ack");
        var root = document.RootElement;
        var codeElement = StreamJson.Field(root, "code");
        var code = codeElement is { ValueKind: JsonValueKind.Number } number && number.TryGetInt32(out var value) ? value
            : int.TryParse(StreamJson.Text(codeElement), System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed
            : 0;
        return new StreamAck
        {
            Code = code,
            MessageId = StreamJson.Headers(StreamJson.Field(root, "headers")).GetValueOrDefault(StreamHeaders.MessageId),
            Message = StreamJson.Text(StreamJson.Field(root, "message")) ?? "",
            Data = StreamJson.Text(StreamJson.Field(root, "data")) ?? "",
        };
    }

    public string ToJson() => StreamJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("code", Code);
        StreamJson.WriteHeaders(writer, new Dictionary<string, string>
        {
            [StreamHeaders.ContentType] = StreamHeaders.JsonContentType,
            [StreamHeaders.MessageId] = MessageId ?? "",
        });
        writer.WriteString("message", Message);
        writer.WriteString("data", Data);
        writer.WriteEndObject();
    });
}
