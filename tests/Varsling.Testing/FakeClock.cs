namespace Varsling.Testing;

/// <summary>A <see cref="TimeProvider"/> whose time moves only when a test says so.</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset to) => _now = to.ToUniversalTime();
}
