using Varsling.Core.Exports;

namespace Varsling.Core.Tests.Exports;

/// <summary>
/// One CSV cell (RFC 4180 quoting) and the formula-injection guard: a cell that a spreadsheet would run as a formula
/// (OWASP "CSV Injection": leading =, +, -, @, tab or carriage return) gets a leading apostrophe, so it shows as text.
/// </summary>
public sealed class CsvFieldTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\r=cmd", "\"'\r=cmd\"")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")]
    public void Field_StartingWithAFormulaTrigger_IsMadeInert(string value, string expected)
    {
        Assert.Equal(expected, ExportFormats.Field(value));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a=b", "a=b")]
    [InlineData(" =1", " =1")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Field_WithoutATrigger_IsKeptAndQuotedOnlyWhenNeeded(string? value, string expected)
    {
        Assert.Equal(expected, ExportFormats.Field(value));
    }

    [Fact]
    public void Field_KeepsEveryLetter()
    {
        const string Names = "Áilu Ŋuolja Đuođđa Čáhci Ŧeahkki Łucja Żak Алёна Ёлкина Bjørn Åsæther ŋ đ č ŧ ł ż ё æøå";

        Assert.Equal(Names, ExportFormats.Field(Names));
    }
}
