package io.igpulse.simulator.world;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An account's audience by age, gender, country and city: fixed shares of its followers. */
public final class Demographics {

  /** One audience segment. */
  public record Segment(String value, long count) {}

  private static final List<String> AGES =
      List.of("13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+");
  private static final List<String> GENDERS = List.of("F", "M", "U");
  private static final List<String> COUNTRIES =
      List.of(
          "US", "GB", "BR", "IN", "DE", "FR", "IT", "ES", "MX", "ID", "TR", "JP", "CA", "AU", "NL",
          "PL", "AR", "CO", "PH", "NG", "ZA", "SE", "PT", "BE", "CH");
  private static final List<String> CITY_NAMES =
      List.of(
          "London, England",
          "Manchester, England",
          "New York, New York",
          "Los Angeles, California",
          "Chicago, Illinois",
          "Houston, Texas",
          "São Paulo, São Paulo (state)",
          "Rio de Janeiro, Rio de Janeiro (state)",
          "Mumbai, Maharashtra",
          "Delhi, Delhi",
          "Berlin, Berlin",
          "Hamburg, Hamburg",
          "Paris, Île-de-France",
          "Lyon, Auvergne-Rhône-Alpes",
          "Rome, Lazio",
          "Milan, Lombardy",
          "Madrid, Comunidad de Madrid",
          "Barcelona, Catalonia",
          "Mexico City, Distrito Federal",
          "Jakarta, Jakarta",
          "Istanbul, Istanbul Province",
          "Tokyo, Tokyo",
          "Toronto, Ontario",
          "Sydney, New South Wales",
          "Amsterdam, North Holland",
          "Warsaw, Masovian Voivodeship",
          "Buenos Aires, Buenos Aires",
          "Bogotá, Distrito Especial",
          "Manila, Metro Manila",
          "Lagos, Lagos State",
          "Johannesburg, Gauteng",
          "Stockholm, Stockholm County",
          "Lisbon, Lisbon District",
          "Brussels, Brussels",
          "Zürich, Canton of Zürich",
          "Birmingham, England",
          "Glasgow, Scotland",
          "Dublin, Dublin",
          "Vienna, Vienna",
          "Prague, Prague",
          "Munich, Bavaria",
          "Cologne, North Rhine-Westphalia",
          "Marseille, Provence-Alpes-Côte d'Azur",
          "Naples, Campania",
          "Valencia, Valencian Community",
          "Seville, Andalusia",
          "Guadalajara, Jalisco",
          "Monterrey, Nuevo León",
          "Osaka, Osaka",
          "Vancouver, British Columbia",
          "Melbourne, Victoria",
          "Rotterdam, South Holland",
          "Kraków, Lesser Poland Voivodeship",
          "Córdoba, Córdoba",
          "Medellín, Antioquia",
          "Cebu City, Cebu",
          "Abuja, Federal Capital Territory",
          "Cape Town, Western Cape",
          "Gothenburg, Västra Götaland County",
          "Porto, Porto District");

  private Demographics() {}

  public static List<String> dimensions() {
    return List.of("age", "gender", "country", "city");
  }

  /** Segments of {@code total} people along one dimension, largest first, at most {@code top}. */
  public static List<Segment> split(long seed, int account, String dimension, long total, int top) {
    List<String> values =
        switch (dimension) {
          case "age" -> AGES;
          case "gender" -> GENDERS;
          case "country" -> COUNTRIES;
          case "city" -> CITY_NAMES;
          default -> throw new IllegalArgumentException("unknown dimension " + dimension);
        };
    double[] weights = new double[values.size()];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      double u = Mix.unit(Mix.hash(seed, account, dimension.hashCode(), i));
      weights[i] = u * u * u + 0.001;
      sum += weights[i];
    }
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      long count = (long) (total * weights[i] / sum);
      if (count > 0) {
        segments.add(new Segment(values.get(i), count));
      }
    }
    segments.sort(
        Comparator.comparingLong(Segment::count).reversed().thenComparing(Segment::value));
    return segments.size() > top ? segments.subList(0, top) : segments;
  }
}
