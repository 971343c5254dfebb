using GlueTaskRunLambda.Status;

namespace GlueTaskRunLambda.Tests.Status;

public sealed class StatusLimitsTests
{
    [Fact]
    public void Truncate_ShortText_Unchanged()
    {
        Assert.Equal("abc", StatusLimits.Truncate("abc", 3));
    }

    [Fact]
    public void Truncate_LongText_CutToLimit()
    {
        Assert.Equal("ab", StatusLimits.Truncate("abcdef", 2));
    }

    [Fact]
    public void Truncate_CutInsideSurrogatePair_DropsHighHalf()
    {
        string text = "ab\U0001F600cd";

        string? cut = StatusLimits.Truncate(text, 3);

        Assert.Equal("ab", cut);
    }
}
