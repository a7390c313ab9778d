using System.Linq.Expressions;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;

namespace Flux.Dashboard.Features.Accounts.Shared;

/// <summary>The field of an account form an Identity error is about.</summary>
public enum AccountField { None, Email, CurrentPassword, NewPassword }

/// <summary>Decides which field an Identity error belongs to, and words it for a merchant.</summary>
public static class IdentityErrorPlacement
{
    public const string DuplicateEmailMessage = "This e-mail address already has a Flux account.";
    public const string WrongCurrentPasswordMessage = "That is not your current password.";

    public static AccountField FieldOf(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
            or nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => AccountField.Email,
        nameof(IdentityErrorDescriber.PasswordMismatch) => AccountField.CurrentPassword,
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => AccountField.NewPassword,
        _ => AccountField.None,
    };

    public static string MessageFor(IdentityError error) => error.Code switch
    {
        // The user name is the e-mail address, so both duplicates mean the same thing to a merchant.
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => DuplicateEmailMessage,
        nameof(IdentityErrorDescriber.InvalidEmail) => "Enter a valid e-mail address.",
        nameof(IdentityErrorDescriber.InvalidUserName) => "This e-mail address contains characters Flux cannot accept.",
        nameof(IdentityErrorDescriber.PasswordMismatch) => WrongCurrentPasswordMessage,
        nameof(IdentityErrorDescriber.InvalidToken) => "This link has expired or has already been used.",
        _ => error.Description,
    };

    /// <summary>The configured password policy in one sentence, shown under new-password fields.</summary>
    public static string DescribePolicy(PasswordOptions options)
    {
        var needs = new List<string>();
        if (options.RequireUppercase && options.RequireLowercase) needs.Add("upper- and lower-case letters");
        else if (options.RequireUppercase) needs.Add("an upper-case letter");
        else if (options.RequireLowercase) needs.Add("a lower-case letter");
        if (options.RequireDigit) needs.Add("a digit");
        if (options.RequireNonAlphanumeric) needs.Add("a symbol");

        var length = $"At least {options.RequiredLength} characters";
        return needs.Count switch
        {
            0 => length + ".",
            1 => $"{length}, with {needs[0]}.",
            _ => $"{length}, with {string.Join(", ", needs[..^1])} and {needs[^1]}.",
        };
    }
}

/// <summary>
/// Errors found after a static account form was posted: shown beside the field they concern through the form's
/// <see cref="EditContext"/>; those that fit no field are kept for the form-level alert.
/// </summary>
public sealed class AccountFormErrors
{
    private readonly EditContext editContext;
    private readonly ValidationMessageStore store;
    private readonly List<string> formErrors = [];

    public AccountFormErrors(EditContext editContext)
    {
        this.editContext = editContext;
        store = new ValidationMessageStore(editContext);
    }

    public IReadOnlyList<string> ForForm => formErrors;

    public void AddToField(Expression<Func<object>> field, string message)
    {
        var id = FieldIdentifier.Create(field);
        if (!editContext.GetValidationMessages(id).Contains(message))
            store.Add(id, message);
        editContext.NotifyValidationStateChanged();
    }

    public void AddToForm(string message)
    {
        if (!formErrors.Contains(message))
            formErrors.Add(message);
    }

    /// <param name="fieldFor">The page's input for each <see cref="AccountField"/>, or null to show it on the form.</param>
    public void AddIdentityErrors(IEnumerable<IdentityError> errors, Func<AccountField, Expression<Func<object>>?> fieldFor)
    {
        foreach (var error in errors)
        {
            var message = IdentityErrorPlacement.MessageFor(error);
            if (fieldFor(IdentityErrorPlacement.FieldOf(error)) is { } field)
                AddToField(field, message);
            else
                AddToForm(message);
        }
    }
}
