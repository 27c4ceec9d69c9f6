using Committee.Delegations;

namespace Committee.Domain.Tests;

public class CsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("Côte d'Ivoire", "Côte d'Ivoire")]
    [InlineData("Korea, Republic of", "\"Korea, Republic of\"")]
    [InlineData("", "")]
    public void A_field_is_quoted_when_needed_and_never_read_as_a_formula(string value, string written) =>
        Assert.Equal(written, Csv.Field(value));

    [Fact]
    public void What_is_written_reads_back_as_it_was_apart_from_the_apostrophe_before_a_formula()
    {
        string[] row = ["Korea, Republic of", "say \"no\"", "=1+1", "line\nbreak"];
        var read = Csv.Read(string.Join(',', row.Select(Csv.Field))).Single();
        Assert.Equal(["Korea, Republic of", "say \"no\"", "'=1+1", "line\nbreak"], read);
    }
}
