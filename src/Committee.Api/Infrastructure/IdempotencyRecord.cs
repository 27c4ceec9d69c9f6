namespace Committee.Infrastructure;

/// <summary>The answer given to a command with an Idempotency-Key, stored in the command's own transaction:
/// a retry finds it and gets the same answer, and the action is recorded once.</summary>
public sealed record IdempotencyRecord(string Id, string Fingerprint, int Status, string Body, string? Location, DateTimeOffset At);
