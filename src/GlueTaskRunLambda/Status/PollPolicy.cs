namespace GlueTaskRunLambda.Status;

/// <summary>
/// Chooses how long the loop waits before the next poll. The wait is a tenth of the
/// time the run has been going, held between the minimum and the maximum, so a short
/// run is noticed soon after it ends and a long run is not read every few seconds.
/// The result is drawn at random from 80% to 120% of that target (still within the
/// bounds), so that many waits started together drift apart instead of polling Glue in
/// step.
/// </summary>
internal sealed class PollPolicy
{
    public const double ElapsedFraction = 0.1;
    public const double JitterFraction = 0.2;

    private readonly Random _random;

    public PollPolicy(Random random)
    {
        _random = random;
    }

    /// <summary>
    /// Returns the seconds to wait, given how long the run has been going and the bounds.
    /// The result never passes <paramref name="secondsUntilWaitDeadline"/> (but is at
    /// least 1), so the wait bound is noticed on time.
    /// </summary>
    public int NextPollSeconds(
        TimeSpan elapsed,
        int minSeconds,
        int maxSeconds,
        double secondsUntilWaitDeadline)
    {
        double elapsedSeconds = Math.Max(0, elapsed.TotalSeconds);
        double target = Math.Clamp(elapsedSeconds * ElapsedFraction, minSeconds, maxSeconds);

        double low = Math.Max(minSeconds, target * (1 - JitterFraction));
        double high = Math.Min(maxSeconds, target * (1 + JitterFraction));
        double drawn = low + (_random.NextDouble() * (high - low));

        int seconds = (int)Math.Round(drawn, MidpointRounding.AwayFromZero);
        seconds = Math.Clamp(seconds, minSeconds, maxSeconds);

        int untilDeadline = (int)Math.Ceiling(Math.Max(1, secondsUntilWaitDeadline));
        return Math.Min(seconds, untilDeadline);
    }
}
