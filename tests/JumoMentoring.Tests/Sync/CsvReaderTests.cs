using System.Text;
using JumoMentoring.Api.Sync;

namespace JumoMentoring.Tests.Sync;

public sealed class CsvReaderTests
{
    [Theory]
    [InlineData("a;b;c\n1,5;2;3", ';')]
    [InlineData("a,b,c\n1;2,3", ',')]
    [InlineData("\"a;x\",b,c", ',')]
    [InlineData("single", ',')]
    public void The_separator_is_the_one_the_header_uses_most(string text, char expected) =>
        Assert.Equal(expected, CsvReader.DetectSeparator(text));

    [Fact]
    public void Quoted_fields_hold_separators_quotes_and_line_breaks_and_records_keep_their_first_line()
    {
        var records = CsvReader.Read("h1;h2\r\n\"a;1\";\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\";x\rlast;\"\"", ';');

        Assert.Equal([1, 2, 4, 6], records.Select(r => r.Line));
        Assert.Equal(["a;1", "say \"hi\""], records[1].Fields);
        Assert.Equal(["two\nlines", "x"], records[2].Fields);
        Assert.Equal(["last", ""], records[3].Fields);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_on_the_line_it_opens()
    {
        var error = Assert.Throws<CsvFormatException>(() => CsvReader.Read("h1,h2\nok,1\n\"never closed,2\n3,4\n", ','));

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_byte_order_mark_is_dropped_and_invalid_utf8_is_refused_with_its_line()
    {
        Assert.Equal("é", CsvReader.DecodeUtf8([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("é")]));

        var error = Assert.Throws<CsvFormatException>(() => CsvReader.DecodeUtf8([.. Encoding.UTF8.GetBytes("a\nb\n"), 0xE9]));

        Assert.Equal(3, error.Line);
    }
}
