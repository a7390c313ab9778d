using Flux.Dashboard.Api;
using Flux.Dashboard.Common;

namespace Flux.Dashboard.Tests.Api;

/// <summary>A service's answer, and the one mapping of its refusals to the API's error shape.</summary>
public sealed class ServiceResultErrorsTests
{
    [Fact]
    public void Invalid_input_is_a_400_invalid_request_naming_the_first_field_at_fault()
    {
        var result = ServiceResult<string>.Invalid([new("amount", "The amount must be above 0."), new("description", "Too long.")]);

        var error = result.ToApiError();

        Assert.Equal((400, "invalid_request", "The amount must be above 0.", "amount"), (error.StatusCode, error.Code, error.Message, error.Param));
        Assert.Equal("Too long.", result.ErrorFor("description"));
        Assert.Null(result.ErrorFor("currency"));
    }

    [Fact]
    public void Not_found_is_a_404_resource_not_found()
    {
        var error = ServiceResult<string>.NotFound("order_id", "No such order: 'ord_1'.").ToApiError();

        Assert.Equal((404, "resource_not_found", "No such order: 'ord_1'.", "order_id"), (error.StatusCode, error.Code, error.Message, error.Param));
    }

    [Fact]
    public void Unavailable_is_Fluxs_own_500_api_error_with_no_param()
    {
        var error = ServiceResult<string>.Unavailable("Horizon did not answer.").ToApiError();

        Assert.Equal((500, "api_error", "Horizon did not answer.", null), (error.StatusCode, error.Code, error.Message, error.Param));
    }

    [Theory]
    [InlineData(ServiceFailure.Invalid, 400)]
    [InlineData(ServiceFailure.NotFound, 404)]
    public void An_error_of_the_whole_request_names_no_param(ServiceFailure failure, int status)
    {
        var result = failure == ServiceFailure.Invalid
            ? ServiceResult<string>.Invalid("", "An order that is confirmed cannot be canceled.")
            : ServiceResult<string>.NotFound("", "No such order: 'ord_1'.");

        var error = result.ToApiError();

        Assert.Equal(status, error.StatusCode);
        Assert.Null(error.Param);
    }

    [Fact]
    public void The_services_wallet_field_is_the_bodys_merchant_wallet()
    {
        var error = ServiceResult<string>.Invalid("wallet", "Add a wallet first.").ToApiError();

        Assert.Equal("merchant_wallet", error.Param);
    }

    [Fact]
    public void A_success_has_its_value_and_is_no_error()
    {
        var result = ServiceResult<string>.Ok("ord_1");

        Assert.True(result.Succeeded);
        Assert.Equal("ord_1", result.Value);
        Assert.Null(result.Error);
        Assert.Throws<InvalidOperationException>(() => result.ToApiError());
        Assert.Throws<InvalidOperationException>(() => result.As<int>());
    }

    [Fact]
    public void A_refusal_passed_on_as_another_type_keeps_its_kind_and_errors()
    {
        var passed = ServiceResult<string>.NotFound("payment_id", "No such payment: 'pay_1'.").As<int>();

        Assert.Equal(ServiceFailure.NotFound, passed.Failure);
        Assert.Equal(new FieldError("payment_id", "No such payment: 'pay_1'."), passed.Error);
    }
}
