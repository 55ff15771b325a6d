using Xunit;

namespace Varsling.Testing;

/// <summary>Reads what the mailer wrote to a pickup folder: each .eml's recipient header and decoded body.</summary>
public static class PickupMail
{
    /// <summary>"To: …" then a newline then the body, per message; the mailer writes UTF-8 bodies in base64.</summary>
    public static string[] Read(string folder) => Directory.Exists(folder)
        ? Directory.GetFiles(folder, "*.eml").Select(File.ReadAllText).Select(eml =>
        {
            var split = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = eml[..split];
            Assert.Contains("Content-Transfer-Encoding: base64", headers, StringComparison.Ordinal);
            var to = headers.Split("\r\n").Single(h => h.StartsWith("To: ", StringComparison.Ordinal));
            return to + "\n" + System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(eml[split..].Trim()));
        }).ToArray()
        : [];
}
