package dev.ksefplatform.simulator.stats;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Simulator-only: {@code /sim/v1/stats} shows the counters (of one context with {@code contextNip}) and resets them. */
@RestController
public class StatsController {

    private final SimulatorStats stats;

    StatsController(SimulatorStats stats) {
        this.stats = stats;
    }

    @GetMapping("/sim/v1/stats")
    public SimulatorStats.View stats(@RequestParam(required = false) String contextNip) {
        return stats.view(contextNip);
    }

    @DeleteMapping("/sim/v1/stats")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void reset(@RequestParam(required = false) String contextNip) {
        stats.reset(contextNip);
    }
}
