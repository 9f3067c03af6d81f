using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace JumoMentoring.Api.Sync;

/// <summary>One record of a CSV file and the line it starts on (a quoted field may span lines).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

public sealed class CsvFormatException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>
/// A small RFC 4180 reader: ',' or ';' separators (detected on the header line), fields quoted with
/// '"' (doubled inside), line breaks inside quoted fields, CRLF, LF or CR line ends, blank lines skipped.
/// Text is UTF-8, with or without a byte-order mark; anything else is refused rather than misread.
/// </summary>
public static class CsvReader
{
    public static string DecodeUtf8(byte[] bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            throw new CsvFormatException(1, "The file is UTF-16: save it as \"CSV UTF-8\".");
        }

        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var utf8 = bytes.AsSpan(start);
        var text = new char[utf8.Length];
        if (Utf8.ToUtf16(utf8, text, out var read, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            var line = 1 + utf8[..read].Count((byte)'\n');
            throw new CsvFormatException(line, "The file is not valid UTF-8 (Windows-1252 or Latin-1?): save it as \"CSV UTF-8\".");
        }

        return new string(text, 0, written);
    }

    /// <summary>';' when the header line has more semicolons than commas outside quotes, else ','.</summary>
    public static char DetectSeparator(string text)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    public static List<CsvRecord> Read(string text, char separator)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        var atFieldStart = true;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            atFieldStart = true;
        }

        void EndRecord()
        {
            EndField();
            // Blank (or white-space-only) lines are skipped.
            if (fields.Count > 1 || fields[0].Trim().Length > 0)
            {
                records.Add(new CsvRecord(recordLine, [.. fields]));
            }

            fields.Clear();
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (atFieldStart && c == '"')
            {
                // A quoted field: up to the closing quote; "" is one quote; line breaks are data.
                var openedOn = line;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new CsvFormatException(openedOn, "A quoted field is never closed (a missing '\"').");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    {
                        line++;
                    }

                    field.Append(text[i]);
                    i++;
                }

                atFieldStart = false;

                // After the closing quote: a separator, a line end or the end of the text.
                if (i < text.Length && text[i] != separator && text[i] != '\r' && text[i] != '\n')
                {
                    throw new CsvFormatException(line, $"Unexpected text after a closing quote: '{text[i]}' (quotes inside a field must be doubled).");
                }

                continue;
            }

            if (c == separator)
            {
                EndField();
                i++;
            }
            else if (c is '\r' or '\n')
            {
                EndRecord();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
                atFieldStart = false;
                i++;
            }
        }

        if (fields.Count > 0 || field.Length > 0)
        {
            EndRecord();
        }

        return records;
    }
}
