package dev.sigil.core.ocsf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Validates a line of the OCSF writer's output against OCSF 1.3.0, for tests: the checks the OCSF
 * server's validator makes, over the class and the objects a Sigil finding uses, and stricter
 * where the server only warns.
 *
 * <p><b>The schema</b> is OCSF 1.3.0 as tagged (tag 1.3.0 of ocsf/ocsf-schema), read from a
 * bundle of that tag's JSON files whose {@code version.json} says 1.3.0 (the pydantic-ocsf
 * project's {@code ocsf/schemas/v1_3_0.json}): {@code events/base_event.json},
 * {@code events/findings/finding.json}, {@code events/findings/detection_finding.json}, the
 * {@code objects/*.json} modelled below and {@code dictionary.json} (each attribute's type, array
 * flag and enum; each type's {@code regex}, {@code max_len} and {@code range}); the bundle has no
 * {@code includes/} or {@code profiles/}, so {@code includes/classification.json},
 * {@code includes/occurrence.json} and {@code profiles/host.json} were read from ocsf-schema's
 * 1.x history (unchanged in 1.x). An attribute's definition in a class or object is merged over
 * the dictionary's, enums included (so {@code device.type_id} takes 1-15 from {@code endpoint}
 * and 0 Unknown, 99 Other from the dictionary), as the server compiles the schema.
 *
 * <p><b>The rules</b> are those of the OCSF server's {@code Schema.Validator2}
 * ({@code lib/schema/validator2.ex} in ocsf/ocsf-server), each named below by the server's
 * error or warning type:
 * <ul>
 *   <li>{@code class_uid} is an integer naming a class ({@code class_uid_unknown}); only 2004
 *       Detection Finding is modelled here;</li>
 *   <li>each of {@code metadata.profiles} is a profile ({@code profile_unknown}), and an
 *       attribute a profile adds is allowed only when the event lists that profile
 *       ({@code filter_with_profiles}); only {@code host} is modelled here;</li>
 *   <li>a required attribute is present and not null ({@code attribute_required_missing});</li>
 *   <li>no attribute the class or object does not define ({@code attribute_unknown}), except
 *       inside {@code object}-typed attributes such as {@code unmapped};</li>
 *   <li>values have their type ({@code attribute_wrong_type}): {@code string_t} and its subtypes
 *       a string, {@code integer_t} an integer in 64 bits, {@code long_t} in 128 bits,
 *       {@code float_t} a float, {@code boolean_t} a boolean, an object a JSON object, an array
 *       a JSON array; {@code json_t} anything;</li>
 *   <li>a string is no longer than its type's {@code max_len}, or its super type's
 *       ({@code attribute_value_exceeds_max_len}; counted here in code points, never fewer than
 *       the server's graphemes);</li>
 *   <li>a string matches its type's {@code regex} ({@code attribute_value_regex_not_matched}, a
 *       warning on the server, an error here), matched as Erlang's PCRE does: unanchored unless
 *       the regex anchors, {@code $} before a final newline only;</li>
 *   <li>a number is within its type's {@code range} ({@code attribute_value_exceeds_range});</li>
 *   <li>an enum value is one of the enum's ({@code attribute_enum_value_unknown}) and its sibling,
 *       when present, is the value's caption ({@code attribute_enum_sibling_incorrect}, a warning
 *       on the server, an error here);</li>
 *   <li>{@code metadata.version} is a version ({@code version_invalid_format}) and the schema's,
 *       1.3.0 ({@code version_incorrect}, a warning on the server, an error here);</li>
 *   <li>{@code type_uid} is {@code class_uid * 100 + activity_id} ({@code type_uid_incorrect});</li>
 *   <li>the class's and every object's {@code at_least_one} and {@code just_one} constraints
 *       ({@code constraint_failed}); a null value does not count here (the server counts a
 *       present key);</li>
 *   <li>no deprecated attribute, object or enum value ({@code attribute_deprecated} and the
 *       like, warnings on the server, errors here).</li>
 * </ul>
 * And, before the schema, the line must be what any JSON reader takes: valid UTF-8, one JSON
 * object, no duplicate keys, no unpaired UTF-16 surrogate in a string (a lone surrogate escape,
 * which strict parsers reject). An object the finding carries that is not modelled here
 * is reported as such: this check never passes what it has not checked.
 */
final class OcsfSchemaCheck {
  private OcsfSchemaCheck() {}

  /** A dictionary type: its primitive, and the regex, max_len and range it adds. */
  private record Type(String name, String primitive, @Nullable Pattern regex, int maxLen,
      long min, long max) {}

  /** An attribute as a class or object defines it, merged over the dictionary. */
  private record Attr(String name, String type, boolean array, boolean required, boolean deprecated,
      @Nullable String profile, @Nullable Map<String, String> captions, @Nullable String sibling) {}

  /** A class or object: its attributes (none: any are allowed) and its constraints. */
  private static final class Def {
    final String name;
    final Map<String, Attr> attributes = new LinkedHashMap<>();
    List<String> atLeastOne = List.of();
    List<String> justOne = List.of();

    Def(String name) {
      this.name = name;
    }

    /**
     * Adds attributes written {@code [!][~]name[:type][[]][@profile]}: {@code !} required,
     * {@code ~} deprecated, the type {@code string_t} unless given, {@code []} an array.
     */
    Def attrs(String... specs) {
      for (String spec : specs) {
        boolean required = spec.startsWith("!");
        String rest = required ? spec.substring(1) : spec;
        boolean deprecated = rest.startsWith("~");
        rest = deprecated ? rest.substring(1) : rest;
        String profile = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
          profile = rest.substring(at + 1);
          rest = rest.substring(0, at);
        }
        String type = "string_t";
        int colon = rest.indexOf(':');
        if (colon >= 0) {
          type = rest.substring(colon + 1);
          rest = rest.substring(0, colon);
        }
        boolean array = type.endsWith("[]");
        type = array ? type.substring(0, type.length() - 2) : type;
        attributes.put(rest, new Attr(rest, type, array, required, deprecated, profile, null, null));
      }
      return this;
    }

    /** Gives an attribute its enum, {@code "value Caption"} each, and the enum's sibling. */
    Def enumOf(String attribute, @Nullable String sibling, String... values) {
      Map<String, String> captions = new LinkedHashMap<>();
      for (String value : values) {
        int space = value.indexOf(' ');
        captions.put(value.substring(0, space), value.substring(space + 1));
      }
      Attr a = attributes.get(attribute);
      attributes.put(attribute, new Attr(a.name, a.type, a.array, a.required, a.deprecated,
          a.profile, captions, sibling));
      return this;
    }

    Def atLeastOne(String... names) {
      atLeastOne = List.of(names);
      return this;
    }
  }

  /** The profiles modelled here (OCSF 1.3.0 defines others; a finding listing one fails). */
  private static final Set<String> PROFILES = Set.of("host");

  private static final String SCHEMA_VERSION = "1.3.0";

  /** dictionary.json "types" (1.3.0). */
  private static final Map<String, Type> TYPES = new LinkedHashMap<>();

  /** The class and objects modelled, by name. */
  private static final Map<String, Def> DEFS = new LinkedHashMap<>();

  private static final String[] RISK_LEVELS = {"0 Info", "1 Low", "2 Medium", "3 High",
      "4 Critical", "99 Other"};

  static {
    type("string_t", "string_t", null, 65_535);
    type("integer_t", "integer_t", null, 0);
    type("long_t", "long_t", null, 0);
    type("float_t", "float_t", null, 0);
    type("boolean_t", "boolean_t", null, 0);
    type("json_t", "json_t", null, 0);
    type("timestamp_t", "long_t", null, 0);
    type("bytestring_t", "string_t", null, 0);
    type("file_name_t", "string_t", null, 0);
    type("process_name_t", "string_t", null, 0);
    type("url_t", "string_t", null, 0);
    type("username_t", "string_t", null, 0);
    type("file_hash_t", "string_t", null, 64);
    type("resource_uid_t", "string_t", null, 64);
    type("subnet_t", "string_t", null, 42);
    type("datetime_t", "string_t",
        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(Z|[\\+-]\\d{2}:\\d{2})?$", 0);
    type("email_t", "string_t",
        "^[a-zA-Z0-9!#$%&'*+-/=?^_`{|}~.]+@[a-zA-Z0-9-]+\\.[a-zA-Z0-9-.]+$", 0);
    type("hostname_t", "string_t", "^(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9\\-]*[a-zA-Z0-9])\\.)*"
        + "([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9\\-]*[A-Za-z0-9])$", 0);
    type("mac_t", "string_t", "^([0-9A-Fa-f]{2}[:-]){5}([0-9A-Fa-f]{2})$", 32);
    type("uuid_t", "string_t",
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", 0);
    // ip_t's regex is long; an IP is never written by Sigil, so only its max_len is modelled and
    // any ip value is reported as unmodelled below.
    type("ip_t", "string_t", null, 40);
    TYPES.put("port_t", new Type("port_t", "integer_t", null, 0, 0, 65_535));

    // events/base_event.json with includes/classification.json and includes/occurrence.json,
    // events/findings/finding.json (its profiles/host.json: device, actor) and
    // events/findings/detection_finding.json. The cloud, datetime, osint and security_control
    // profiles' attributes are left out: allowed only when listed, and only host is modelled.
    // class_uid, category_uid and type_uid carry the enums the server compiles for the class.
    def("detection_finding")
        .attrs("!activity_id:integer_t", "activity_name", "category_name",
            "!category_uid:integer_t", "class_name", "!class_uid:integer_t", "type_name",
            "!type_uid:long_t", "count:integer_t", "duration:long_t", "end_time:timestamp_t",
            "start_time:timestamp_t", "!time:timestamp_t", "timezone_offset:integer_t",
            "enrichments:enrichment[]", "message", "!metadata:metadata",
            "observables:observable[]", "raw_data", "severity", "!severity_id:integer_t",
            "status", "status_code", "status_detail", "status_id:integer_t", "unmapped:object",
            "comment", "confidence", "confidence_id:integer_t", "confidence_score:integer_t",
            "device:device@host", "actor:actor@host", "!finding_info:finding_info",
            "evidences:evidences[]", "impact", "impact_id:integer_t", "impact_score:integer_t",
            "remediation:remediation", "resources:resource_details[]", "risk_level",
            "risk_level_id:integer_t", "risk_score:integer_t", "risk_details",
            "vulnerabilities:vulnerability[]")
        .enumOf("activity_id", "activity_name", "0 Unknown", "1 Create", "2 Update", "3 Close",
            "99 Other")
        .enumOf("category_uid", "category_name", "2 Findings")
        .enumOf("class_uid", "class_name", "2004 Detection Finding")
        .enumOf("type_uid", "type_name", "200400 Detection Finding: Unknown",
            "200401 Detection Finding: Create", "200402 Detection Finding: Update",
            "200403 Detection Finding: Close", "200499 Detection Finding: Other")
        .enumOf("severity_id", "severity", "0 Unknown", "1 Informational", "2 Low", "3 Medium",
            "4 High", "5 Critical", "6 Fatal", "99 Other")
        .enumOf("status_id", "status", "0 Unknown", "1 New", "2 In Progress", "3 Suppressed",
            "4 Resolved", "99 Other")
        .enumOf("confidence_id", null, "0 Unknown", "1 Low", "2 Medium", "3 High", "99 Other")
        .enumOf("impact_id", "impact", "0 Unknown", "1 Low", "2 Medium", "3 High", "4 Critical",
            "99 Other")
        .enumOf("risk_level_id", "risk_level", RISK_LEVELS);

    // objects/metadata.json (its data_classification profile left out).
    def("metadata")
        .attrs("correlation_uid", "event_code", "~extension:extension",
            "extensions:extension[]", "labels:string_t[]", "log_level", "log_name",
            "log_provider", "log_version", "logged_time:timestamp_t", "modified_time:timestamp_t",
            "loggers:logger[]", "original_time", "processed_time:timestamp_t", "!product:product",
            "profiles:string_t[]", "sequence:integer_t", "tenant_uid", "uid", "!version");
    // objects/product.json, extends _entity (at_least_one name, uid).
    def("product")
        .attrs("feature:feature", "cpe_name", "lang", "name", "path", "uid", "url_string:url_t",
            "!vendor_name", "version")
        .atLeastOne("name", "uid");
    // objects/finding_info.json.
    def("finding_info")
        .attrs("analytic:analytic", "attacks:attack[]", "created_time:timestamp_t",
            "data_sources:string_t[]", "desc", "first_seen_time:timestamp_t",
            "kill_chain:kill_chain_phase[]", "last_seen_time:timestamp_t",
            "modified_time:timestamp_t", "product_uid", "related_events:related_event[]",
            "related_analytics:analytic[]", "src_url:url_t", "!title", "types:string_t[]",
            "!uid");
    // objects/analytic.json, extends _entity.
    def("analytic")
        .attrs("category", "desc", "name", "~related_analytics:analytic[]", "type",
            "!type_id:integer_t", "uid", "version")
        .enumOf("type_id", "type", "0 Unknown", "1 Rule", "2 Behavioral", "3 Statistical",
            "4 Learning (ML/DL)", "5 Fingerprinting", "6 Tagging", "7 Keyword Match",
            "8 Regular Expressions", "9 Exact Data Match", "10 Partial Data Match",
            "11 Indexed Data Match", "99 Other")
        .atLeastOne("name", "uid");
    // objects/attack.json; tactics is deprecated in the dictionary since 1.1.0.
    def("attack")
        .attrs("tactic:tactic", "~tactics:tactic[]", "technique:technique",
            "sub_technique:sub_technique", "version")
        .atLeastOne("tactic", "technique", "sub_technique");
    // objects/tactic.json, technique.json, sub_technique.json, each extending _entity.
    for (String name : new String[] {"tactic", "technique", "sub_technique"}) {
      def(name).attrs("name", "src_url:url_t", "uid").atLeastOne("name", "uid");
    }
    // objects/device.json extends endpoint.json (its container profile modelled, never listed)
    // extends _entity; endpoint's at_least_one replaces _entity's.
    def("device")
        .attrs("name", "uid", "agent_list:agent[]", "domain", "hostname:hostname_t",
            "hw_info:device_hw_info", "instance_uid", "interface_name", "interface_uid",
            "ip:ip_t", "location:location", "mac:mac_t", "os:os", "owner:user", "subnet_uid",
            "type", "!type_id:integer_t", "vlan_uid", "vpc_uid", "zone",
            "container:container@container", "namespace_pid:integer_t@container",
            "autoscale_uid", "boot_time:timestamp_t", "created_time:timestamp_t", "desc",
            "first_seen_time:timestamp_t", "groups:group[]", "hypervisor", "image:image", "imei",
            "is_compliant:boolean_t", "is_managed:boolean_t", "is_personal:boolean_t",
            "is_trusted:boolean_t", "last_seen_time:timestamp_t", "modified_time:timestamp_t",
            "network_interfaces:network_interface[]", "org:organization", "region",
            "risk_level", "risk_level_id:integer_t", "risk_score:integer_t", "subnet:subnet_t",
            "uid_alt")
        .enumOf("type_id", "type", "0 Unknown", "1 Server", "2 Desktop", "3 Laptop", "4 Tablet",
            "5 Mobile", "6 Virtual", "7 IOT", "8 Browser", "9 Firewall", "10 Switch", "11 Hub",
            "12 Router", "13 IDS", "14 IPS", "15 Load Balancer", "99 Other")
        .enumOf("risk_level_id", "risk_level", RISK_LEVELS)
        .atLeastOne("ip", "uid", "name", "hostname", "instance_uid", "interface_uid",
            "interface_name");
    // objects/actor.json; invoked_by is deprecated since 1.2.0.
    def("actor")
        .attrs("app_name", "app_uid", "authorizations:authorization[]", "idp:idp",
            "~invoked_by", "process:process", "session:session", "user:user")
        .atLeastOne("process", "user", "invoked_by", "session", "app_name", "app_uid");
    // objects/process.json extends _entity; its own at_least_one; container profile modelled.
    def("process")
        .attrs("cmd_line", "created_time:timestamp_t", "file:file", "integrity",
            "integrity_id:integer_t", "lineage:string_t[]", "loaded_modules:string_t[]",
            "name:process_name_t", "parent_process:process", "pid:integer_t", "sandbox",
            "session:session", "terminated_time:timestamp_t", "tid:integer_t", "uid",
            "user:user", "xattributes:object", "container:container@container",
            "namespace_pid:integer_t@container")
        .enumOf("integrity_id", "integrity", "0 Unknown", "1 Untrusted", "2 Low", "3 Medium",
            "4 High", "5 System", "6 Protected", "99 Other")
        .atLeastOne("pid", "uid");
    // objects/file.json extends _entity with "constraints": {} (none); data_classification
    // profile left out.
    def("file")
        .attrs("accessed_time:timestamp_t", "accessor:user", "attributes:integer_t",
            "company_name", "confidentiality", "confidentiality_id:integer_t",
            "created_time:timestamp_t", "creator:user", "desc", "ext", "hashes:fingerprint[]",
            "is_system:boolean_t", "mime_type", "modified_time:timestamp_t", "modifier:user",
            "!name:file_name_t", "owner:user", "parent_folder", "path", "product:product",
            "security_descriptor", "signature:digital_signature", "size:long_t", "type",
            "!type_id:integer_t", "uid", "version", "xattributes:object")
        .enumOf("confidentiality_id", "confidentiality", "0 Unknown", "1 Not Confidential",
            "2 Confidential", "3 Secret", "4 Top Secret", "5 Private", "6 Restricted", "99 Other")
        .enumOf("type_id", "type", "0 Unknown", "1 Regular File", "2 Folder",
            "3 Character Device", "4 Block Device", "5 Local Socket", "6 Named Pipe",
            "7 Symbolic Link", "99 Other");
    // objects/user.json extends _entity.
    def("user")
        .attrs("account:account", "credential_uid", "domain", "email_addr:email_t",
            "full_name", "groups:group[]", "ldap_person:ldap_person", "name:username_t",
            "org:organization", "risk_level", "risk_level_id:integer_t", "risk_score:integer_t",
            "type", "type_id:integer_t", "uid", "uid_alt")
        .enumOf("risk_level_id", "risk_level", RISK_LEVELS)
        .enumOf("type_id", "type", "0 Unknown", "1 User", "2 Admin", "3 System", "99 Other")
        .atLeastOne("account", "name", "uid");
    // objects/evidences.json.
    def("evidences")
        .attrs("actor:actor", "api:api", "container:container",
            "connection_info:network_connection_info", "data:json_t", "database:database",
            "databucket:databucket", "device:device", "dst_endpoint:network_endpoint",
            "email:email", "file:file", "process:process", "query:dns_query",
            "src_endpoint:network_endpoint", "url:url", "user:user", "job:job")
        .atLeastOne("actor", "api", "connection_info", "data", "database", "databucket",
            "device", "dst_endpoint", "email", "file", "process", "query", "src_endpoint", "url",
            "user", "job");
    // objects/container.json.
    def("container")
        .attrs("name", "image:image", "runtime", "uid", "orchestrator", "pod_uuid:uuid_t", "tag",
            "size:long_t", "hash:fingerprint", "network_driver")
        .atLeastOne("uid", "name");
    // objects/image.json extends _entity with "constraints": {}; uid is required.
    def("image").attrs("labels:string_t[]", "name", "path", "tag", "!uid");
    // objects/object.json: no attributes, so any (the type of unmapped and xattributes).
    def("object");
  }

  private static void type(String name, String primitive, @Nullable String regex, int maxLen) {
    // Erlang's PCRE: "$" matches before a final "\n" only, as Java's does with UNIX_LINES.
    TYPES.put(name, new Type(name, primitive,
        regex == null ? null : Pattern.compile(regex, Pattern.UNIX_LINES), maxLen,
        Long.MIN_VALUE, Long.MAX_VALUE));
  }

  private static Def def(String name) {
    Def def = new Def(name);
    DEFS.put(name, def);
    return def;
  }

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(10_000)
          .maxStringLength(Integer.MAX_VALUE)
          .build())
      .build();

  private static final BigInteger LONG_T_MIN = BigInteger.TWO.pow(127).negate();
  private static final BigInteger LONG_T_MAX = BigInteger.TWO.pow(127).subtract(BigInteger.ONE);

  /** Marks a JSON number with a fraction or exponent: {@code float_t}'s kind of number. */
  private record JsonFloat(double value) {}

  /**
   * Checks one line (without its newline).
   *
   * @return the violations, each {@code "path: what"}; empty when the line is valid
   */
  static List<String> check(byte[] line) {
    List<String> violations = new ArrayList<>();
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(line)).toString();
    } catch (CharacterCodingException e) {
      violations.add("(line): not valid UTF-8");
      return violations;
    }
    Object tree;
    try {
      tree = parse(text, violations);
    } catch (IOException e) {
      violations.add("(line): not one JSON document: " + e.getMessage());
      return violations;
    }
    if (!(tree instanceof Map)) {
      violations.add("(line): not a JSON object");
      return violations;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> event = (Map<String, Object>) tree;
    violations.addAll(check(event));
    return violations;
  }

  /** Checks one line given as text. */
  static List<String> check(String line) {
    return check(line.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Checks a finding as a tree (maps, lists, strings, Long, BigInteger, Double, Boolean, null).
   *
   * @return the violations
   */
  static List<String> check(Map<String, Object> event) {
    List<String> out = new ArrayList<>();
    Object classUid = event.get("class_uid");
    if (classUid == null) {
      out.add("class_uid: required attribute missing");
      return out;
    }
    if (!(classUid instanceof Long)) {
      out.add("class_uid: wrong type, expected integer_t");
      return out;
    }
    if ((Long) classUid != 2004L) {
      out.add("class_uid: class " + classUid + " is not modelled by this check (only 2004)");
      return out;
    }
    Set<String> profiles = profiles(event, out);
    Def detectionFinding = DEFS.get("detection_finding");
    object(event, detectionFinding, "", profiles, out);
    version(event, out);
    typeUid(event, out);
    return out;
  }

  private static Set<String> profiles(Map<String, Object> event, List<String> out) {
    Object metadata = event.get("metadata");
    if (!(metadata instanceof Map)) {
      return Set.of();
    }
    Object profiles = ((Map<?, ?>) metadata).get("profiles");
    if (!(profiles instanceof List)) {
      return Set.of();
    }
    List<?> list = (List<?>) profiles;
    for (int i = 0; i < list.size(); i++) {
      Object profile = list.get(i);
      if (profile instanceof String && !PROFILES.contains(profile)) {
        out.add("metadata.profiles[" + i + "]: profile '" + profile
            + "' is unknown or not modelled by this check");
      }
    }
    return Set.copyOf(list.stream().filter(String.class::isInstance)
        .map(String.class::cast).toList());
  }

  private static void version(Map<String, Object> event, List<String> out) {
    if (event.get("metadata") instanceof Map<?, ?> metadata
        && metadata.get("version") instanceof String version) {
      if (!version.matches("\\d+\\.\\d+\\.\\d+(?:-dev|-rc\\.\\d+)?")) {
        out.add("metadata.version: '" + version + "' is not a version");
      } else if (!version.equals(SCHEMA_VERSION)) {
        out.add("metadata.version: '" + version + "' is not the schema's " + SCHEMA_VERSION);
      }
    }
  }

  private static void typeUid(Map<String, Object> event, List<String> out) {
    if (event.get("class_uid") instanceof Long classUid
        && event.get("activity_id") instanceof Long activityId
        && event.get("type_uid") instanceof Long typeUid
        && typeUid != classUid * 100 + activityId) {
      out.add("type_uid: " + typeUid + " is not class_uid * 100 + activity_id = "
          + (classUid * 100 + activityId));
    }
  }

  /** Validates a JSON object against a class or object definition. */
  private static void object(Map<String, Object> value, Def def, String path, Set<String> profiles,
      List<String> out) {
    boolean open = def.attributes.isEmpty();
    if (open) {
      return;
    }
    Map<String, Attr> allowed = new LinkedHashMap<>();
    for (Attr attr : def.attributes.values()) {
      if (attr.profile == null || profiles.contains(attr.profile)) {
        allowed.put(attr.name, attr);
      }
    }
    for (Attr attr : allowed.values()) {
      String at = join(path, attr.name);
      if (!value.containsKey(attr.name)) {
        if (attr.required) {
          out.add(at + ": required attribute missing (" + def.name + ")");
        }
        continue;
      }
      Object v = value.get(attr.name);
      if (v == null) {
        out.add(at + ": null" + (attr.required ? "; required attribute missing" : ""));
        continue;
      }
      if (attr.deprecated) {
        out.add(at + ": deprecated attribute");
      }
      if (attr.array) {
        if (!(v instanceof List)) {
          out.add(at + ": wrong type, expected an array of " + attr.type);
          continue;
        }
        List<?> list = (List<?>) v;
        for (int i = 0; i < list.size(); i++) {
          value(list.get(i), attr, at + "[" + i + "]", profiles, out);
          enumValue(list.get(i), null, attr, at + "[" + i + "]", out);
        }
      } else {
        value(v, attr, at, profiles, out);
        enumValue(v, value, attr, at, out);
      }
    }
    for (String key : value.keySet()) {
      if (!allowed.containsKey(key)) {
        Attr attr = def.attributes.get(key);
        out.add(join(path, key) + ": unknown attribute in " + def.name
            + (attr != null ? " (it belongs to the " + attr.profile + " profile, not listed)" : ""));
      }
    }
    constraint(value, def, path, out);
  }

  private static void constraint(Map<String, Object> value, Def def, String path,
      List<String> out) {
    if (!def.atLeastOne.isEmpty()
        && def.atLeastOne.stream().noneMatch(k -> value.get(k) != null)) {
      out.add((path.isEmpty() ? "(event)" : path) + ": constraint at_least_one of "
          + def.atLeastOne + " failed in " + def.name);
    }
    if (!def.justOne.isEmpty()
        && def.justOne.stream().filter(k -> value.get(k) != null).count() != 1) {
      out.add((path.isEmpty() ? "(event)" : path) + ": constraint just_one of " + def.justOne
          + " failed in " + def.name);
    }
  }

  /** Validates one value (an element, for an array) against the attribute's type. */
  private static void value(@Nullable Object v, Attr attr, String at, Set<String> profiles,
      List<String> out) {
    if (v == null) {
      out.add(at + ": null");
      return;
    }
    Type type = TYPES.get(attr.type);
    if (type == null) {
      Def def = DEFS.get(attr.type);
      if (!(v instanceof Map)) {
        out.add(at + ": wrong type, expected " + attr.type + " (object)");
      } else if (def == null) {
        out.add(at + ": object " + attr.type + " is not modelled by this check");
      } else {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) v;
        object(map, def, at, profiles, out);
      }
      return;
    }
    if (attr.type.equals("ip_t")) {
      out.add(at + ": ip_t values are not modelled by this check");
      return;
    }
    Type primitive = TYPES.get(type.primitive);
    switch (type.primitive) {
      case "string_t" -> {
        if (!(v instanceof String s)) {
          out.add(at + ": wrong type, expected " + attr.type + " (a string)");
          return;
        }
        int maxLen = type.maxLen > 0 ? type.maxLen : primitive.maxLen;
        int length = s.codePointCount(0, s.length());
        if (maxLen > 0 && length > maxLen) {
          out.add(at + ": " + length + " characters, more than " + attr.type + "'s max_len "
              + maxLen);
        }
        if (type.regex != null && !type.regex.matcher(s).find()) {
          out.add(at + ": '" + abbreviate(s) + "' does not match " + attr.type + "'s regex");
        }
      }
      case "integer_t" -> {
        if (!(v instanceof Long n)) {
          out.add(at + ": wrong type, expected " + attr.type + " (an integer in 64 bits)");
          return;
        }
        if (n < type.min || n > type.max) {
          out.add(at + ": " + n + " is outside " + attr.type + "'s range " + type.min + " to "
              + type.max);
        }
      }
      case "long_t" -> {
        boolean ok = v instanceof Long || (v instanceof BigInteger b
            && b.compareTo(LONG_T_MIN) >= 0 && b.compareTo(LONG_T_MAX) <= 0);
        if (!ok) {
          out.add(at + ": wrong type, expected " + attr.type + " (an integer in 128 bits)");
        }
      }
      case "float_t" -> {
        if (!(v instanceof JsonFloat || v instanceof Double)) {
          out.add(at + ": wrong type, expected float_t");
        }
      }
      case "boolean_t" -> {
        if (!(v instanceof Boolean)) {
          out.add(at + ": wrong type, expected boolean_t");
        }
      }
      case "json_t" -> { }
      default -> throw new AssertionError("primitive " + type.primitive);
    }
  }

  /** The server's enum check: the value as text is one of the enum's, its sibling its caption. */
  private static void enumValue(@Nullable Object v, @Nullable Map<String, Object> parent, Attr attr,
      String at, List<String> out) {
    if (attr.captions == null || v == null) {
      return;
    }
    String key = v instanceof JsonFloat f ? Double.toString(f.value()) : String.valueOf(v);
    String caption = attr.captions.get(key);
    if (caption == null) {
      out.add(at + ": " + key + " is not a value of the enum " + attr.captions.keySet());
      return;
    }
    if (parent != null && attr.sibling != null && parent.containsKey(attr.sibling)) {
      Object sibling = parent.get(attr.sibling);
      String siblingAt = at.substring(0, at.length() - attr.name.length()) + attr.sibling;
      if (!key.equals("99") && !caption.equals(sibling)) {
        out.add(siblingAt + ": '" + sibling + "' is not the caption of " + attr.name + " " + key
            + ", '" + caption + "'");
      } else if (key.equals("99") && caption.equals(sibling)) {
        out.add(siblingAt + ": 'Other' given for " + attr.name
            + " 99, where the source's own value belongs");
      }
    }
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  // ---- JSON, read strictly ----

  private static @Nullable Object parse(String text, List<String> out) throws IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() == null) {
        throw new JsonParseException(p, "empty line");
      }
      Object tree = read(p, "", out);
      if (p.nextToken() != null) {
        throw new JsonParseException(p, "content after the JSON value");
      }
      return tree;
    }
  }

  private static @Nullable Object read(JsonParser p, String path, List<String> out)
      throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          String at = join(path, name);
          wellFormed(name, at + " (key)", out);
          p.nextToken();
          map.put(name, read(p, at, out));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(p, path + "[" + i++ + "]", out));
        }
        return list;
      }
      case VALUE_STRING -> {
        String s = p.getText();
        wellFormed(s, path, out);
        return s;
      }
      case VALUE_NUMBER_INT -> {
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          return p.getBigIntegerValue();
        }
        return p.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return new JsonFloat(p.getDoubleValue());
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new JsonParseException(p, "unexpected " + p.currentToken());
    }
  }

  private static void wellFormed(String s, String at, List<String> out) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        out.add(at + ": unpaired UTF-16 surrogate U+" + Integer.toHexString(c).toUpperCase()
            + " at " + i);
        return;
      }
    }
  }
}
