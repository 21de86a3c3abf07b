using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// Only the values of a local that can be in it where it is written (the shared value flow's <c>ReadPoint</c>; held-out
/// set 14: a résumé's name built from the candidate's name box in the <c>if</c> that saves an upload, and the page's link
/// set from the stored name in the <c>else</c>). A value given in a block that returns before the write, in the other
/// branch of an <c>if</c>, or overwritten by a plain assignment every path to the write passes, is not in the path. A value
/// that falls through, is overwritten on one path only, is caught back by a <c>try</c> or comes round a loop is.
/// </summary>
public class SSA0101ReachingValuesTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0101PersonalIdentifierInStoragePathAnalyzer(), source);

    private const string Customer = """
        public class Customer { public string FullName { get; set; } = ""; public bool Archived { get; set; } }

        """;

    [Fact]
    public Task AssignedInABranchThatReturns_NotReported_FallsThrough_ReportedAsync() => VerifyAsync(Customer + """
        public class Exports
        {
            public void Preview(Customer customer, bool draft, byte[] data)
            {
                string fileName = "draft.bin";
                if (draft)
                {
                    fileName = customer.FullName;
                    Console.WriteLine(fileName);
                    return;
                }

                File.WriteAllBytes(Path.Combine("exports", fileName + ".bin"), data);
            }

            public void Save(Customer customer, bool draft, byte[] data)
            {
                string fileName = "draft.bin";
                if (!draft)
                {
                    fileName = customer.FullName;
                    Console.WriteLine(fileName);
                }

                File.WriteAllBytes(Path.Combine("exports", fileName + ".bin"), data); //! SSA0101
            }

            public void Validated(Customer customer, byte[] data)
            {
                string fileName = "report.bin";
                try
                {
                    fileName = customer.FullName;
                    Validate(fileName);
                    return;
                }
                catch (InvalidOperationException)
                {
                }

                File.WriteAllBytes(Path.Combine("exports", fileName + ".bin"), data); //! SSA0101
            }

            private static void Validate(string name) { }
        }
        """);

    [Fact]
    public Task AssignedInTheOtherBranch_NotReported_UnlessALoopComesBackAsync() => VerifyAsync(Customer + """
        public class Resumes
        {
            public string Link { get; set; } = "";

            public void Show(Customer customer, bool uploaded, string stored, byte[] data)
            {
                string filename = "";
                if (uploaded)
                {
                    filename = customer.FullName;
                    Link = filename;
                }
                else
                {
                    filename = stored;
                    File.WriteAllBytes(Path.Combine("resumes", filename + ".pdf"), data);
                }
            }

            public void Archive(List<Customer> customers)
            {
                string previous = "none";
                foreach (var customer in customers)
                {
                    if (customer.Archived)
                    {
                        File.WriteAllText(Path.Combine("archive", previous + ".txt"), ""); //! SSA0101
                    }
                    else
                    {
                        previous = customer.FullName;
                    }
                }
            }
        }
        """);

    [Fact]
    public Task OverwrittenBeforeTheWrite_NotReported_OnOnePathOnly_ReportedAsync() => VerifyAsync(Customer + """
        public interface INormalizer { string Normalize(string value); }

        public class Exports
        {
            public void Anonymous(Customer customer, byte[] data)
            {
                var name = customer.FullName;
                Console.WriteLine(name);
                name = Guid.NewGuid().ToString("N");
                File.WriteAllBytes(Path.Combine("exports", name + ".pdf"), data);
            }

            public void Emptied(Customer customer, byte[] data)
            {
                string name = customer.FullName;
                Console.WriteLine(name);
                name = "";
                File.WriteAllBytes(Path.Combine("exports", "Doc" + name + ".pdf"), data);
            }

            public void Constant(Customer customer, byte[] data)
            {
                var name = customer.FullName;
                if (data.Length > 0)
                {
                    name = "export";
                    File.WriteAllBytes(Path.Combine("exports", name + ".pdf"), data);
                }
            }

            public void Sometimes(Customer customer, bool anonymous, byte[] data)
            {
                var name = customer.FullName;
                if (anonymous)
                {
                    name = Guid.NewGuid().ToString("N");
                }

                File.WriteAllBytes(Path.Combine("exports", name + ".pdf"), data); //! SSA0101
            }

            public void Normalized(Customer customer, INormalizer normalizer, byte[] data)
            {
                var name = customer.FullName;
                name = normalizer.Normalize(name);
                File.WriteAllBytes(Path.Combine("exports", name + ".pdf"), data); //! SSA0101
            }

            public void CopiedFirst(Customer customer, byte[] data)
            {
                var name = customer.FullName;
                var copy = name;
                name = "";
                File.WriteAllBytes(Path.Combine("exports", name + copy + ".pdf"), data); //! SSA0101
            }
        }
        """);
}
