package io.igpulse.simulator.world;

import java.util.HexFormat;

/** Generates accounts from the seed; account i is always the same account for a given seed. */
final class AccountFactory {

  /** About one account in ten hides its like counts (a choice Instagram offers since 2021). */
  static final double HIDES_LIKE_COUNTS_SHARE = 0.10;

  private final WorldSpec spec;

  AccountFactory(WorldSpec spec) {
    this.spec = spec;
  }

  Account create(int i) {
    long seed = spec.seed();
    long startSec = spec.start().getEpochSecond();
    String topic = Words.TOPICS.get(Mix.below(Mix.hash(seed, i, 1), Words.TOPICS.size()));
    String part = Words.NAME_PARTS.get(Mix.below(Mix.hash(seed, i, 2), Words.NAME_PARTS.size()));
    String username = topic + "_" + part + "_" + i;
    String name = capitalise(topic) + " " + capitalise(part);
    int followers = followers(Mix.hash(seed, i, 3));
    double growth = Mix.between(Mix.hash(seed, i, 4), -0.0005, 0.004);
    int follows = 50 + Mix.below(Mix.hash(seed, i, 5), 1500);
    long historySec = spec.history().getSeconds();
    boolean convertedLate = Mix.unit(Mix.hash(seed, i, 6)) < 0.25;
    long businessSince =
        convertedLate
            ? startSec - (long) (historySec * Mix.between(Mix.hash(seed, i, 7), 0.02, 0.4))
            : startSec - historySec - 86_400L;
    boolean quiet = Mix.unit(Mix.hash(seed, i, 8)) < 0.2;
    int impressions = Math.max(1, (int) (followers * Mix.between(Mix.hash(seed, i, 9), 0.2, 1.5)));
    long issued = startSec - 86_400L * (1 + Mix.below(Mix.hash(seed, i, 10), 20));
    return new Account(
        i,
        Ids.igUser(i),
        Ids.page(i),
        Ids.business(i),
        username,
        name,
        name + " Page",
        followers,
        growth,
        follows,
        businessSince,
        quiet,
        impressions,
        token(seed, i),
        issued,
        Mix.unit(Mix.hash(seed, i, 14)) < HIDES_LIKE_COUNTS_SHARE);
  }

  /** Log-uniform from about 20 to 2,000,000 followers: a few tiny, many small, some huge. */
  private static int followers(long hash) {
    double exponent = Mix.between(hash, Math.log(20), Math.log(2_000_000));
    return (int) Math.exp(exponent);
  }

  static String token(long seed, int account) {
    HexFormat hex = HexFormat.of();
    return "EAAS"
        + hex.toHexDigits(Mix.hash(seed, account, 11))
        + hex.toHexDigits(Mix.hash(seed, account, 12))
        + hex.toHexDigits(Mix.hash(seed, account, 13));
  }

  private static String capitalise(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
