/**
 * Loaded by jest only under Stryker (stryker.config.mjs, `setupFiles`), never by `npm test`.
 *
 * A mutant that breaks a property makes fast-check shrink the counterexample, which can take far
 * longer than Stryker's timeout: the mutant is then reported "Timeout" and the test runner is
 * restarted, which costs more than the run itself. A failing property ends at once here; the mutant
 * is reported Killed. (Shrinking helps a person read a failure; Stryker only needs to know there is one.)
 */
import * as fc from 'fast-check';

fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });
