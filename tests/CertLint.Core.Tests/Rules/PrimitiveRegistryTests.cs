using CertLint.Rules;
using CertLint.Rules.Compilation;

namespace CertLint.Core.Tests.Rules;

/// <summary>
/// The registry is an explicit list (Native AOT has no type discovery). Reflection is fine here, in the test: it
/// finds a primitive class someone added to Core without listing it, which would otherwise be "unknown primitive".
/// </summary>
public class PrimitiveRegistryTests
{
    [Test]
    public void Every_primitive_class_in_Core_is_listed_once()
    {
        var classes = typeof(ICheckPrimitive).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICheckPrimitive).IsAssignableFrom(t))
            .Select(t => t.FullName!).Order(StringComparer.Ordinal).ToArray();
        var listed = PrimitiveRegistry.BuiltIn().Select(p => p.GetType().FullName!).Order(StringComparer.Ordinal).ToArray();

        listed.ShouldBe(classes, "add the new primitive to PrimitiveRegistry.BuiltIn()");
        PrimitiveRegistry.Default.All.Count.ShouldBe(classes.Length);
    }
}
