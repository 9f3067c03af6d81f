using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Errors.Custom;

namespace JumoMentoring.Api.Graph;

/// <summary>
/// Shapes every error the same way: <c>message</c> for people and <c>extensions.code</c> for programs.
/// Unexpected exceptions are masked (their details only in Development) so nothing internal leaks.
/// </summary>
public sealed class JumoErrorInfoProvider(IHostEnvironment environment) : IErrorInfoProvider
{
    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var extensions = new Dictionary<string, object?>();
        var message = executionError.Message;
        string code;
        switch (executionError)
        {
            case GraphError error:
                code = error.Code!;
                break;
            case SyntaxError:
                code = ErrorCodes.ParseFailed;
                break;
            case ComplexityError:
                code = ErrorCodes.QueryTooComplex;
                break;
            case ValidationError validation:
                code = ErrorCodes.ValidationFailed;
                if (validation.Code is not null)
                {
                    extensions["rule"] = validation.Code;
                }

                break;
            case UnhandledError unhandled:
                code = ErrorCodes.Internal;
                message = "An unexpected error occurred. It has been logged.";
                if (environment.IsDevelopment())
                {
                    extensions["exception"] = unhandled.InnerException?.ToString();
                }

                break;
            case DocumentError or RequestError:
                code = ErrorCodes.BadRequest;
                break;
            default:
                code = executionError.Code ?? ErrorCodes.Internal;
                break;
        }

        extensions["code"] = code;
        return new ErrorInfo { Message = message, Extensions = extensions };
    }
}
