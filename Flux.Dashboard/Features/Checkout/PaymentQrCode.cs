using Microsoft.AspNetCore.Components;
using QRCoder;

namespace Flux.Dashboard.Features.Checkout;

/// <summary>The QR code of a payment request, drawn on the server as SVG: no script and no outside QR service is involved.</summary>
public static class PaymentQrCode
{
    public static MarkupString Svg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new MarkupString(new SvgQRCode(data).GetGraphic(4));
    }
}
