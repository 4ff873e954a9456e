package io.igpulse.simulator.api;

import io.igpulse.simulator.api.auth.TokenInfo;

/**
 * One authenticated call being answered: the request, the version it is served as, the caller's
 * token and the simulated instant it is answered at.
 */
public record Call(GraphRequest request, ApiVersion version, TokenInfo token, long nowSec) {

  public String param(String name) {
    return request.param(name);
  }
}
