using JumoMentoring.Api.Graph;
using JumoMentoring.Chat;

namespace JumoMentoring.Api.Conversations;

/// <summary>The chat's refusals (<see cref="ChatErrorCodes"/>) in the graph, with the same codes as the hub.</summary>
public static class ChatErrors
{
    /// <summary>As a field error: <c>extensions.code</c> is the chat's code.</summary>
    public static GraphError ToGraphError(ChatException e) => new(e.Code, e.Message);

    /// <summary>As a mutation payload error, in the reader's language, on the input field at fault.</summary>
    public static MutationError Add(MutationErrors errors, ChatException e, ChatOptions options, string conversationField = "conversationId") => e.Code switch
    {
        ChatErrorCodes.NotAParticipant => errors.Add(e.Code, "Seuls les deux membres du jumelage participent à cette conversation.", "Only the two members of the match take part in this conversation.", conversationField),
        ChatErrorCodes.MemberDeactivated => errors.Add(e.Code, "Ce compte de membre est désactivé.", "This member account is deactivated.", null),
        ChatErrorCodes.ConversationNotFound => errors.Add(e.Code, "Conversation introuvable.", "No such conversation.", conversationField),
        ChatErrorCodes.ConversationReadOnly => errors.Add(e.Code, "Le jumelage est terminé : la conversation est en lecture seule.", "The match has ended: the conversation is read-only.", conversationField),
        ChatErrorCodes.MessageEmpty => errors.Add(e.Code, "Le message est vide.", "The message is empty.", "body"),
        ChatErrorCodes.MessageTooLong => errors.Add(e.Code, $"Un message compte au plus {options.MaxBodyLength} caractères.", $"A message has at most {options.MaxBodyLength} characters.", "body"),
        ChatErrorCodes.InvalidMessageBody => errors.Add(e.Code, "Le message contient des caractères invalides.", "The message holds invalid characters.", "body"),
        ChatErrorCodes.InvalidClientMessageId => errors.Add(e.Code, $"L'identifiant client compte de 1 à {options.MaxClientMessageIdLength} lettres, chiffres, « - » ou « _ » (un UUID).", $"A client message id is 1 to {options.MaxClientMessageIdLength} letters, digits, '-' or '_' (a UUID).", "clientMessageId"),
        ChatErrorCodes.RateLimited => errors.Add(e.Code, $"Trop de messages : réessayez dans {RetrySeconds(e)} s.", $"Too many messages: try again in {RetrySeconds(e)} s.", null),
        ChatErrorCodes.InvalidMessageId => errors.Add(e.Code, "Cet identifiant de message n'est pas valide.", "This message id is not valid.", "messageId"),
        ChatErrorCodes.MessageNotFound => errors.Add(e.Code, "Ce message n'est pas dans cette conversation.", "This message is not in this conversation.", "messageId"),
        ChatErrorCodes.NotDurable => errors.Add(e.Code, "Le message n'est peut-être pas encore enregistré : réessayez avec le même identifiant client.", "The message may not be stored yet: retry with the same client message id.", null),
        _ => errors.Add(e.Code, e.Message, e.Message, null),
    };

    private static long RetrySeconds(ChatException e) => (long)Math.Ceiling((e.RetryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds);
}
