package dev.sigil.core.ocsf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.common.collect.ImmutableMap;
import dev.sigil.core.EventSnapshot;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.internal.MutableEvent;
import dev.sigil.core.testing.EventBuilder;
import java.time.Instant;
import java.util.List;

/**
 * Arbitrary context strings (host name, container, image, digest, pod, process, executable) and
 * signature metadata, into a finding: its OCSF line is valid, by {@link OcsfSchemaCheck}. The
 * seed corpus under {@code OcsfFindingWriterFuzzTestInputs} runs as a regression test in every
 * build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class OcsfFindingWriterFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void everyFindingIsValidOcsf(FuzzedDataProvider data) {
    MutableEvent event = (MutableEvent) EventBuilder.event("magic_write")
        .origin(data.pickValue(Origin.values()))
        .timestamp(data.consumeLong())
        .hostPids(data.consumeInt(), data.consumeInt(), data.consumeInt())
        .build();
    event.hostNameSlot().set(data.consumeString(300));
    event.containerIdSlot().set(data.consumeString(80));
    event.containerNameSlot().set(data.consumeString(80));
    event.containerImageSlot().set(data.consumeString(80));
    event.containerImageDigestSlot().set(data.consumeString(80));
    event.podUidSlot().set(data.consumeString(40));
    event.processNameSlot().set(data.consumeString(20));
    event.executablePathSlot().set(data.consumeString(80));
    event.userId(data.consumeLong());
    event.processEntityId(data.consumeLong());

    String id = data.consumeString(20);
    SignatureMetadata metadata = SignatureMetadata.builder(id.isBlank() ? "X-1" : id)
        .name(data.consumeString(40))
        .description(data.consumeString(40))
        .eventName(data.consumeString(20))
        .version(data.consumeString(8))
        .category(data.consumeString(20))
        .technique(data.consumeString(20))
        .mitre(data.consumeString(12), data.consumeString(12))
        .severity(data.pickValue(Severity.values()))
        .build();
    Finding finding = new Finding(metadata, metadata.severity(), EventSnapshot.of(event),
        ImmutableMap.of(data.consumeString(10), data.consumeRemainingAsString()),
        Instant.ofEpochMilli(1_700_000_000_000L));

    String line = OcsfValidityTest.write(List.of(finding)).get(0);

    assertEquals(List.of(), OcsfSchemaCheck.check(line), line);
  }
}
