using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CertLint.Configuration.Yaml;

/// <summary>
/// A YAML node that is built only when something needs the node itself: the pre-parsed built-in rule files. A run
/// reads most of a rule file as plain values (its title, description, references, citation, equivalents) and needs
/// nodes only for what it compiles (check, where, message) or for an error's line and column; building every node of
/// some 190 files was a third of what a one-file run allocated. <see cref="YamlMap"/> reads a source as it reads a node.
/// </summary>
internal interface IYamlSource
{
    /// <summary>The node, built on first use; a node built earlier for a part of it is the same object in it.</summary>
    YamlNode Node { get; }

    bool IsScalar { get; }

    bool IsMapping { get; }

    bool IsSequence { get; }

    /// <summary>A scalar's value and style (as <see cref="YamlScalarNode"/> has them).</summary>
    (string? Value, ScalarStyle Style) Scalar { get; }

    /// <summary>A mapping's keys in order; null for a mapping whose keys are not distinct plain strings (read as a node).</summary>
    string[]? Keys { get; }

    YamlScalarNode KeyNode(int index);

    /// <summary>A mapping's value (by key index) or a sequence's item.</summary>
    IYamlSource Child(int index);

    /// <summary>Child <paramref name="index"/>'s value and style when it is a scalar, read without building anything.</summary>
    bool TryScalar(int index, out string? value, out ScalarStyle style);

    /// <summary>A sequence's item count.</summary>
    int Length { get; }
}
