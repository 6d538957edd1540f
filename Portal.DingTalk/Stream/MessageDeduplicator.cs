namespace Portal.DingTalk.Stream;

/// <summary>Remembers handled message ids for a time window, so a redelivered frame is acked without handling it again.</summary>
internal sealed class MessageDeduplicator(TimeSpan window, TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> handledAt = new(StringComparer.Ordinal);
    private readonly Queue<(string MessageId, DateTimeOffset At)> order = new();
    private readonly Lock gate = new();

    public bool WasHandled(string messageId)
    {
        lock (gate)
        {
            Forget(time.GetUtcNow());
            return handledAt.ContainsKey(messageId);
        }
    }

    public void MarkHandled(string messageId)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            Forget(now);
            handledAt[messageId] = now;
            order.Enqueue((messageId, now));
        }
    }

    private void Forget(DateTimeOffset now)
    {
        while (order.TryPeek(out var oldest) && oldest.At + window <= now)
        {
            order.Dequeue();
            if (handledAt.TryGetValue(oldest.MessageId, out var at) && at == oldest.At)
            {
                handledAt.Remove(oldest.MessageId);
            }
        }
    }
}
