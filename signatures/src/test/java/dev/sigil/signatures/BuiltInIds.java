package dev.sigil.signatures;

import java.util.List;

/** The ids of the signatures Sigil ships, in {@link Signatures#builtIn()} order. */
final class BuiltInIds {
  static final List<String> ALL = List.of(
      "TRC-101",
      "TRC-1013",
      "TRC-109",
      "TRC-1024",
      "TRC-1019",
      "TRC-1027",
      "TRC-107",
      "TRC-106",
      "TRC-1012",
      "TRC-1028",
      "TRC-1029",
      "TRC-1031",
      "TRC-1010",
      "TRC-1026",
      "TRC-1011",
      "TRC-1021",
      "TRC-1023",
      "TRC-1015",
      "TRC-102",
      "TRC-103",
      "TRC-1025",
      "TRC-1014",
      "TRC-104",
      "TRC-105",
      "TRC-1016",
      "TRC-1017",
      "TRC-1018",
      "TRC-1020",
      "TRC-1030",
      "TRC-1022",
      "TRC-108",
      "SGL-1001");

  private BuiltInIds() {}
}
