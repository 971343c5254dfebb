using GlueTaskRunLambda.Errors;

namespace GlueTaskRunLambda.Tests;

public sealed class FunctionSettingsTests
{
    [Fact]
    public void FromEnvironment_Unset_UsesDefaults()
    {
        var settings = FunctionSettings.FromEnvironment(_ => null);

        Assert.Equal(30, settings.MinPollSeconds);
        Assert.Equal(300, settings.MaxPollSeconds);
        Assert.Equal(86_400, settings.MaxWaitSeconds);
        Assert.False(settings.CancelOnWaitBound);
    }

    [Fact]
    public void FromEnvironment_Set_ReadsValues()
    {
        var variables = new Dictionary<string, string?>
        {
            ["POLL_MIN_SECONDS"] = "5",
            ["POLL_MAX_SECONDS"] = "60",
            ["MAX_WAIT_SECONDS"] = "3600",
            ["CANCEL_ON_WAIT_BOUND"] = "true",
        };

        var settings = FunctionSettings.FromEnvironment(name => variables.GetValueOrDefault(name));

        Assert.Equal(5, settings.MinPollSeconds);
        Assert.Equal(60, settings.MaxPollSeconds);
        Assert.Equal(3600, settings.MaxWaitSeconds);
        Assert.True(settings.CancelOnWaitBound);
    }

    [Theory]
    [InlineData("POLL_MIN_SECONDS", "abc", "POLL_MIN_SECONDS 'abc' is invalid")]
    [InlineData("POLL_MAX_SECONDS", "0", "POLL_MAX_SECONDS '0' is invalid")]
    [InlineData("MAX_WAIT_SECONDS", "-5", "MAX_WAIT_SECONDS '-5' is invalid")]
    [InlineData("POLL_MIN_SECONDS", "400", "POLL_MIN_SECONDS (400) is greater than POLL_MAX_SECONDS (300)")]
    [InlineData("CANCEL_ON_WAIT_BOUND", "maybe", "CANCEL_ON_WAIT_BOUND 'maybe' is invalid")]
    public void FromEnvironment_InvalidValue_NamesVariableAndValue(string name, string value, string expected)
    {
        var error = Assert.Throws<InvalidFunctionConfiguration>(
            () => FunctionSettings.FromEnvironment(variable => variable == name ? value : null));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
