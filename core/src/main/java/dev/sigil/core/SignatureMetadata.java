package dev.sigil.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a signature is, in Tracee's terms: immutable, shared by every finding it makes.
 *
 * @param id a unique id such as {@code TRC-1022}; not blank
 * @param version the signature's version, e.g. {@code 1}
 * @param name a short human title, e.g. {@code New executable dropped}
 * @param eventName the name findings carry as their event name, e.g. {@code dropped_executable}
 * @param description what it detects and why it matters
 * @param tags free tags
 * @param severity the default severity
 * @param category e.g. {@code defense-evasion} (a MITRE ATT&amp;CK tactic); may be empty
 * @param technique e.g. {@code Masquerading}; may be empty
 * @param kubernetesTechnique Tracee's {@code Kubernetes_Technique}; may be empty
 * @param mitreTechniqueId the MITRE technique, e.g. {@code T1036} (Tracee's {@code external_id}); may be empty
 * @param mitreStixId the MITRE STIX id, e.g. {@code attack-pattern--...} (Tracee's {@code id}); may be empty
 * @param extraProperties further properties, written after the standard ones, in their order
 */
public record SignatureMetadata(
    String id,
    String version,
    String name,
    String eventName,
    String description,
    List<String> tags,
    Severity severity,
    String category,
    String technique,
    String kubernetesTechnique,
    String mitreTechniqueId,
    String mitreStixId,
    Map<String, Object> extraProperties) {

  /**
   * Validates and freezes the metadata.
   *
   * @throws IllegalArgumentException when the id is blank
   *
   * @param id see the record component
   * @param version see the record component
   * @param name see the record component
   * @param eventName see the record component
   * @param description see the record component
   * @param tags see the record component
   * @param severity see the record component
   * @param category see the record component
   * @param technique see the record component
   * @param kubernetesTechnique see the record component
   * @param mitreTechniqueId see the record component
   * @param mitreStixId see the record component
   * @param extraProperties see the record component
   */
  public SignatureMetadata {
    if (id.isBlank()) {
      throw new IllegalArgumentException("signature metadata needs an id (name: '" + name + "')");
    }
    tags = List.copyOf(tags);
    extraProperties = orderedCopy(extraProperties);
  }

  // Map.copyOf would lose the order the properties are printed in.
  private static Map<String, Object> orderedCopy(Map<String, Object> properties) {
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, properties.size() * 2));
    for (Map.Entry<String, Object> entry : properties.entrySet()) {
      copy.put(Objects.requireNonNull(entry.getKey(), "property name"),
          Objects.requireNonNull(entry.getValue(), "property value"));
    }
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Returns the properties as Tracee prints them: {@code Severity} (int), {@code Category},
   * {@code Technique}, {@code Kubernetes_Technique}, {@code id}, {@code external_id}, then the
   * extra properties.
   *
   * @param severity the severity to report (a variant may raise the default)
   * @return an ordered, unmodifiable map
   */
  public Map<String, Object> traceeProperties(Severity severity) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("Severity", severity.traceeValue());
    properties.put("Category", category);
    properties.put("Technique", technique);
    properties.put("Kubernetes_Technique", kubernetesTechnique);
    properties.put("id", mitreStixId);
    properties.put("external_id", mitreTechniqueId);
    properties.putAll(extraProperties);
    return Collections.unmodifiableMap(properties);
  }

  /**
   * Starts building metadata.
   *
   * @param id the signature's unique id
   * @return a builder
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * Returns a builder holding this metadata, to derive a variant.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.version = version;
    b.name = name;
    b.eventName = eventName;
    b.description = description;
    b.tags = tags;
    b.severity = severity;
    b.category = category;
    b.technique = technique;
    b.kubernetesTechnique = kubernetesTechnique;
    b.mitreTechniqueId = mitreTechniqueId;
    b.mitreStixId = mitreStixId;
    b.extraProperties = extraProperties;
    return b;
  }

  /** Builds {@link SignatureMetadata}; unset text fields are empty, severity {@link Severity#MEDIUM}. */
  public static final class Builder {
    private String id;
    private String version = "1";
    private String name = "";
    private String eventName = "";
    private String description = "";
    private List<String> tags = List.of();
    private Severity severity = Severity.MEDIUM;
    private String category = "";
    private String technique = "";
    private String kubernetesTechnique = "";
    private String mitreTechniqueId = "";
    private String mitreStixId = "";
    private Map<String, Object> extraProperties = Map.of();

    private Builder(String id) {
      this.id = id;
    }

    /**
     * Sets the id.
     *
     * @param value the id
     * @return this builder
     */
    public Builder id(String value) {
      id = value;
      return this;
    }

    /**
     * Sets the version.
     *
     * @param value the version
     * @return this builder
     */
    public Builder version(String value) {
      version = value;
      return this;
    }

    /**
     * Sets the name.
     *
     * @param value the name
     * @return this builder
     */
    public Builder name(String value) {
      name = value;
      return this;
    }

    /**
     * Sets the event name findings carry.
     *
     * @param value the event name
     * @return this builder
     */
    public Builder eventName(String value) {
      eventName = value;
      return this;
    }

    /**
     * Sets the description.
     *
     * @param value the description
     * @return this builder
     */
    public Builder description(String value) {
      description = value;
      return this;
    }

    /**
     * Sets the tags.
     *
     * @param value the tags
     * @return this builder
     */
    public Builder tags(List<String> value) {
      tags = value;
      return this;
    }

    /**
     * Sets the severity.
     *
     * @param value the severity
     * @return this builder
     */
    public Builder severity(Severity value) {
      severity = value;
      return this;
    }

    /**
     * Sets the category (MITRE tactic).
     *
     * @param value the category
     * @return this builder
     */
    public Builder category(String value) {
      category = value;
      return this;
    }

    /**
     * Sets the technique.
     *
     * @param value the technique
     * @return this builder
     */
    public Builder technique(String value) {
      technique = value;
      return this;
    }

    /**
     * Sets the Kubernetes technique.
     *
     * @param value the technique
     * @return this builder
     */
    public Builder kubernetesTechnique(String value) {
      kubernetesTechnique = value;
      return this;
    }

    /**
     * Sets the MITRE technique id and STIX id.
     *
     * @param techniqueId e.g. {@code T1036}
     * @param stixId e.g. {@code attack-pattern--42e8de7b-...}
     * @return this builder
     */
    public Builder mitre(String techniqueId, String stixId) {
      mitreTechniqueId = techniqueId;
      mitreStixId = stixId;
      return this;
    }

    /**
     * Sets further properties.
     *
     * @param value the properties, in the order to print them
     * @return this builder
     */
    public Builder extraProperties(Map<String, Object> value) {
      extraProperties = value;
      return this;
    }

    /**
     * Builds the metadata.
     *
     * @return the metadata
     * @throws IllegalArgumentException when the id is blank
     */
    public SignatureMetadata build() {
      return new SignatureMetadata(id, version, name, eventName, description, tags, severity,
          category, technique, kubernetesTechnique, mitreTechniqueId, mitreStixId, extraProperties);
    }
  }
}
