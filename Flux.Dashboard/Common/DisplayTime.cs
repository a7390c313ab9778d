using System.Globalization;

namespace Flux.Dashboard.Common;

/// <summary>Times on screen are UTC and say so: the server does not know the merchant's time zone.</summary>
public static class DisplayTime
{
    public static string Of(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Short(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
