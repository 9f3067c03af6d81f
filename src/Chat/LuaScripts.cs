namespace JumoMentoring.Chat;

/// <summary>The chat's Lua scripts, embedded from Scripts/*.lua.</summary>
internal static class LuaScripts
{
    public static string Send { get; } = Load("send.lua");

    public static string MarkRead { get; } = Load("mark-read.lua");

    public static string Presence { get; } = Load("presence.lua");

    private static string Load(string name)
    {
        var assembly = typeof(LuaScripts).Assembly;
        using var stream = assembly.GetManifestResourceStream($"JumoMentoring.Chat.Scripts.{name}")
            ?? throw new InvalidOperationException($"Embedded script {name} not found.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
