using Microsoft.AspNetCore.Http;

namespace Varsling.WebCommon;

/// <summary>Links between the two language versions of the same page.</summary>
public static class LanguageLinks
{
    /// <summary>The current path with its language segment swapped for the other language.</summary>
    public static string Switch(PathString path)
    {
        var value = path.Value ?? "/";
        var rest = value.Length >= 3 && value[0] == '/' && Languages.All.Contains(value[1..3]) ? value[3..] : "/";
        return "/" + Languages.Other + (rest.Length == 0 ? "/" : rest);
    }
}
