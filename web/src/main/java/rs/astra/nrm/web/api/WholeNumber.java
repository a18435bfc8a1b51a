package rs.astra.nrm.web.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Reads a JSON number into a {@link Long} only when it is a whole number within {@code long}'s
 * range ({@code 1}, {@code 1.0}, {@code 1e3}); a fraction ({@code 1.5}), a number beyond the range
 * ({@code 1e30}) or anything but a number fails as a value of the wrong type — JSON-B's default
 * would cut {@code 1.5} to {@code 1} and wrap {@code 1e30} around, which then passed as a stale
 * version. The error names no value.
 */
public class WholeNumber implements JsonbDeserializer<Long> {

  @Override
  public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
    JsonValue value = parser.getValue();
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonNumber number) {
      try {
        return number.bigDecimalValue().longValueExact();
      } catch (ArithmeticException e) {
        throw new JsonbException("not a whole number within range");
      }
    }
    throw new JsonbException("not a number");
  }
}
