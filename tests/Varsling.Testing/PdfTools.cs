using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Varsling.Testing;

/// <summary>
/// Reads PDFs in tests with poppler's pdftotext and pdfinfo (scripts/test.sh installs poppler-utils). When the
/// tools are missing the test fails with a message saying so, rather than being skipped.
/// </summary>
public static partial class PdfTools
{
    /// <summary>The text of the document as <c>pdftotext -layout file -</c> gives it; fails if the PDF does not parse.</summary>
    public static async Task<string> TextAsync(byte[] pdf) => await RunAsync("pdftotext", pdf, "-layout", "{file}", "-");

    /// <summary>The page count from <c>pdfinfo</c>.</summary>
    public static async Task<int> PageCountAsync(byte[] pdf)
    {
        var info = await RunAsync("pdfinfo", pdf, "{file}");
        var match = PagesLine().Match(info);
        if (!match.Success)
        {
            throw new InvalidOperationException("pdfinfo printed no page count:\n" + info);
        }

        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Everything <c>pdfinfo</c> says about the document (title, creation date, page size, …).</summary>
    public static Task<string> InfoAsync(byte[] pdf) => RunAsync("pdfinfo", pdf, "{file}");

    /// <summary>The fonts table from <c>pdffonts</c> (name, type, encoding, embedded, subset, Unicode map).</summary>
    public static Task<string> FontsAsync(byte[] pdf) => RunAsync("pdffonts", pdf, "{file}");

    private static async Task<string> RunAsync(string tool, byte[] pdf, params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), $"varsling-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                UseShellExecute = false,
            };
            foreach (var a in args)
            {
                start.ArgumentList.Add(a == "{file}" ? file : a);
            }

            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException(
                    $"'{tool}' is not installed, and the PDF tests need it: install poppler-utils (apt-get install poppler-utils; scripts/test.sh does this as root).", e);
            }

            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"{tool} failed with exit code {process.ExitCode}: {await error}");
                }

                // poppler reports recoverable damage (bad xref offsets, lengths) on stderr and still exits 0.
                var warnings = await error;
                if (warnings.Contains("Syntax Error", StringComparison.OrdinalIgnoreCase) || warnings.Contains("Syntax Warning", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"{tool} found errors in the PDF: {warnings}");
                }

                return await output;
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}
