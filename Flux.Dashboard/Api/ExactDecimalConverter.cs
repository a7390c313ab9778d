using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Flux.Dashboard.Api;

/// <summary>
/// Reads a JSON number into a <see cref="decimal"/> only when the decimal holds it exactly: a number that would be
/// rounded (more digits than a decimal keeps) or does not fit (<c>1e400</c>) is refused, never changed silently.
/// Strings are refused too: an amount is a number. Writes every amount in <see cref="PiFormat.ExactFormat"/> —
/// <c>10.0</c> (as the product docs write it), <c>1.1</c> for a request's <c>1.10</c> — so an order's answer, its
/// read-back, its list entry and its events spell it alike.
/// </summary>
public sealed class ExactDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
            throw new JsonException();
        var text = reader.HasValueSequence
            ? Encoding.UTF8.GetString(reader.ValueSequence)
            : Encoding.UTF8.GetString(reader.ValueSpan);
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || Normalize(text) != Normalize(value.ToString(CultureInfo.InvariantCulture)))
            throw new JsonException();
        return value;
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        Span<byte> number = stackalloc byte[64];
        value.TryFormat(number, out var length, PiFormat.ExactFormat, CultureInfo.InvariantCulture);
        writer.WriteRawValue(number[..length], skipInputValidation: true);
    }

    /// <summary>A number's value as (sign, significant digits, power of ten), so "10.50", "1.05e1" and "10.5" compare equal.</summary>
    private static (bool Negative, string Digits, int Exponent) Normalize(string number)
    {
        var negative = number.StartsWith('-');
        var unsigned = number.TrimStart('-', '+');
        var exponent = 0;
        var e = unsigned.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            // An exponent beyond int (say 0e99999999999) cannot match any decimal: compare as unequal.
            if (!int.TryParse(unsigned[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
                return (negative, "NaN", 0);
            unsigned = unsigned[..e];
        }
        var point = unsigned.IndexOf('.');
        if (point >= 0)
        {
            exponent -= unsigned.Length - point - 1;
            unsigned = unsigned.Remove(point, 1);
        }
        var digits = unsigned.TrimStart('0');
        var trimmed = digits.TrimEnd('0');
        exponent += digits.Length - trimmed.Length;
        return trimmed.Length == 0 ? (false, "0", 0) : (negative, trimmed, exponent);
    }
}
