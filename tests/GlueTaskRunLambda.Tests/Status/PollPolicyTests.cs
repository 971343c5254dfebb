using GlueTaskRunLambda.Status;

namespace GlueTaskRunLambda.Tests.Status;

public sealed class PollPolicyTests
{
    [Theory]
    [InlineData(0, 33)]
    [InlineData(60, 33)]
    [InlineData(600, 60)]
    [InlineData(1_800, 180)]
    [InlineData(7_200, 270)]
    [InlineData(86_400, 270)]
    public void NextPollSeconds_MiddleDraw_FollowsTenthOfElapsed(int elapsedSeconds, int expected)
    {
        var policy = new PollPolicy(new FixedRandom(0.5));

        int seconds = policy.NextPollSeconds(TimeSpan.FromSeconds(elapsedSeconds), 30, 300, double.MaxValue);

        Assert.Equal(expected, seconds);
    }

    [Theory]
    [InlineData(0.0, 48)]
    [InlineData(0.999_999, 72)]
    public void NextPollSeconds_Jitter_SpansTwentyPercentEachWay(double draw, int expected)
    {
        var policy = new PollPolicy(new FixedRandom(draw));

        int seconds = policy.NextPollSeconds(TimeSpan.FromSeconds(600), 10, 300, double.MaxValue);

        Assert.Equal(expected, seconds);
    }

    [Fact]
    public void NextPollSeconds_AtMinimum_JittersUpwardOnly()
    {
        var low = new PollPolicy(new FixedRandom(0.0)).NextPollSeconds(TimeSpan.Zero, 30, 300, double.MaxValue);
        var high = new PollPolicy(new FixedRandom(0.999_999)).NextPollSeconds(TimeSpan.Zero, 30, 300, double.MaxValue);

        Assert.Equal(30, low);
        Assert.Equal(36, high);
    }

    [Fact]
    public void NextPollSeconds_ManyWaitsStartedTogether_Spread()
    {
        var policy = new PollPolicy(new Random(7));

        var values = Enumerable.Range(0, 1_000)
            .Select(_ => policy.NextPollSeconds(TimeSpan.FromSeconds(900), 30, 300, double.MaxValue))
            .ToList();

        Assert.True(values.Distinct().Count() >= 20, $"only {values.Distinct().Count()} distinct waits");
        Assert.All(values, value => Assert.InRange(value, 72, 108));
    }

    [Fact]
    public void NextPollSeconds_NearWaitDeadline_StopsAtDeadline()
    {
        var policy = new PollPolicy(new FixedRandom(0.5));

        int seconds = policy.NextPollSeconds(TimeSpan.FromHours(2), 30, 300, 12.2);

        Assert.Equal(13, seconds);
    }

    [Fact]
    public void NextPollSeconds_MinEqualsMax_ReturnsThatValue()
    {
        var policy = new PollPolicy(new Random(1));

        int seconds = policy.NextPollSeconds(TimeSpan.FromHours(5), 45, 45, double.MaxValue);

        Assert.Equal(45, seconds);
    }

    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
