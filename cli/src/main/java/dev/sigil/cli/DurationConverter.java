package dev.sigil.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an ISO-8601 duration option ({@code P1D}, {@code PT12H}, {@code PT0S}); never negative. */
final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    Duration duration;
    try {
      duration = Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'" + value + "' is not an ISO-8601 duration (examples: P1D, PT12H, PT30M, PT0S)");
    }
    if (duration.isNegative()) {
      throw new TypeConversionException("'" + value + "' is negative; a duration must be zero or more");
    }
    return duration;
  }
}
