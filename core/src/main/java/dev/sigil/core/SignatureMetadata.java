package dev.sigil.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a signature is, in Tracee's terms: immutable, shared by every finding it makes.
 *
 * @param id a unique id such as {@code TRC-1022}; not blank
 * @param version the signature's version, e.g. {@code 1}
 * @param name a short human title, e.g. {@code New executable dropped}
 * @param eventName the name findings carry as their event name, e.g. {@code dropped_executable}
 * @param traceeEventId the id Tracee gives this signature's event, printed as a finding's
 *     {@code eventId}, e.g. 6029 for TRC-1022; 0 when the signature has none (see
 *     {@link Builder#traceeEventId(int)})
 * @param description what it detects and why it matters
 * @param tags free tags
 * @param severity the default severity
 * @param category e.g. {@code defense-evasion} (a MITRE ATT&amp;CK tactic); may be empty
 * @param technique e.g. {@code Masquerading}; may be empty
 * @param kubernetesTechnique Tracee's {@code Kubernetes_Technique}; may be empty
 * @param mitreTechniqueId the MITRE technique, e.g. {@code T1036} (Tracee's {@code external_id}); may be empty
 * @param mitreStixId the MITRE STIX id, e.g. {@code attack-pattern--...} (Tracee's {@code id}); may be empty
 * @param extraProperties further properties, in the order to print them; none may be named as a
 *     standard property ({@code Severity}, {@code Category}, {@code Technique},
 *     {@code Kubernetes_Technique}, {@code id}, {@code external_id}) or as {@code signatureID}
 *     or {@code signatureName}, which Tracee writes from the fields above
 */
public record SignatureMetadata(
    String id,
    String version,
    String name,
    String eventName,
    int traceeEventId,
    String description,
    List<String> tags,
    Severity severity,
    String category,
    String technique,
    String kubernetesTechnique,
    String mitreTechniqueId,
    String mitreStixId,
    Map<String, Object> extraProperties) {

  /** Tracee's range of signature events ({@code events.StartSignatureID}, {@code MaxSignatureID}). */
  private static final int FIRST_TRACEE_SIGNATURE_EVENT_ID = 6000;
  private static final int LAST_TRACEE_SIGNATURE_EVENT_ID = 6999;

  private static final Set<String> RESERVED_PROPERTIES = Set.of("Severity", "Category", "Technique",
      "Kubernetes_Technique", "id", "external_id", "signatureID", "signatureName");

  /**
   * Validates and freezes the metadata.
   *
   * @throws IllegalArgumentException when the id is blank, the Tracee event id is neither 0 nor
   *     within 6000-6999, or an extra property takes a standard property's name
   *
   * @param id see the record component
   * @param version see the record component
   * @param name see the record component
   * @param eventName see the record component
   * @param traceeEventId see the record component
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
    if (traceeEventId != 0 && (traceeEventId < FIRST_TRACEE_SIGNATURE_EVENT_ID
        || traceeEventId > LAST_TRACEE_SIGNATURE_EVENT_ID)) {
      throw new IllegalArgumentException(id + ": Tracee event id " + traceeEventId
          + " is outside Tracee's signature events, " + FIRST_TRACEE_SIGNATURE_EVENT_ID + "-"
          + LAST_TRACEE_SIGNATURE_EVENT_ID + " (0 for none)");
    }
    for (String key : extraProperties.keySet()) {
      if (RESERVED_PROPERTIES.contains(key)) {
        throw new IllegalArgumentException(id + ": extra property '" + key
            + "' is a standard property; set it with its own builder method");
      }
    }
    tags = ImmutableList.copyOf(tags);
    extraProperties = ImmutableMap.copyOf(extraProperties);
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
    b.traceeEventId = traceeEventId;
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
    private int traceeEventId;
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
     * Sets the id of the event Tracee gives this signature, which a finding written in Tracee's
     * shape carries as its {@code eventId}. Tracee numbers its signatures' events from 6000 in
     * the order it loads them; Sigil's ports of Tracee's signatures declare Tracee's numbers
     * (TRC-1022 is 6029). A signature of your own may leave it unset (0): its findings are then
     * written without an {@code eventId}, since any number Sigil picked would depend on what
     * else is loaded, and 0 is Tracee's {@code read} event. To give it one, choose a number in
     * 6000-6999 that no other loaded signature uses (Sigil's built-in signatures use 6000-6030).
     *
     * @param value 6000-6999, or 0 for none
     * @return this builder
     */
    public Builder traceeEventId(int value) {
      traceeEventId = value;
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
     * Sets further properties: Tracee properties beyond the standard ones, such as TRC-1013's
     * {@code MITRE ATT&CK}.
     *
     * @param value the properties, in the order to print them; none named as a standard one
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
     * @throws IllegalArgumentException when the id is blank, the Tracee event id is neither 0
     *     nor within 6000-6999, or an extra property takes a standard property's name
     */
    public SignatureMetadata build() {
      return new SignatureMetadata(id, version, name, eventName, traceeEventId, description, tags,
          severity, category, technique, kubernetesTechnique, mitreTechniqueId, mitreStixId,
          extraProperties);
    }
  }
}
