package io.procspec.mutants;

import io.procspec.runtime.ProcConfig;
import io.procspec.runtime.Proc;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** One list, one set of names: every spec bug switch is in the catalogue under the same name. */
class CatalogueTest {

    @Test
    void everySpecBugSwitchIsCataloguedUnderItsName() throws IOException {
        Path root = Path.of(System.getProperty("procspec.root", "..")).toAbsolutePath().normalize();
        String bugs = Files.readString(root.resolve("spec/tla/Bugs.tla"));
        Matcher block = Pattern.compile("BugNames ==\\s*\\{(.*?)\\}", Pattern.DOTALL).matcher(bugs);
        assertThat(block.find()).as("Bugs.tla defines BugNames").isTrue();
        Set<String> switches = new LinkedHashSet<>();
        // the names in quotes; the comments after them name each bug's property
        Matcher name = Pattern.compile("\"(\\w+)\"").matcher(block.group(1));
        while (name.find()) {
            if (!name.group(1).equals("none")) {
                switches.add(name.group(1));
            }
        }
        assertThat(switches).isNotEmpty();
        for (String s : switches) {
            assertThat(Catalogue.bug(s).hasSpecSwitch()).as("%s has its spec model", s).isTrue();
        }
        for (Bug b : Catalogue.withSpecSwitch()) {
            assertThat(switches).as("spec switch of %s", b.name()).contains(b.name());
            Path cfg = root.resolve("spec/models/" + b.specModel() + ".cfg");
            assertThat(cfg).exists();
            Matcher expect = Pattern.compile("(?m)^\\\\\\* @expect \\w+ (\\w+)").matcher(Files.readString(cfg));
            assertThat(expect.find()).as("%s names the property it expects violated", cfg).isTrue();
            assertThat(b.expectedProperty()).as("property of %s: the catalogue and %s", b.name(), cfg)
                    .isEqualTo(expect.group(1));
        }
    }

    @Test
    void aBugIsFoundByNameAndAWrongNameListsTheCatalogue() {
        Proc proc = new Proc(1);
        assertThat(Catalogue.ops("real", proc).name()).isEqualTo("real");
        assertThat(Catalogue.ops("tail_before_slot", proc).name()).isEqualTo("tail_before_slot");
        assertThatIllegalArgumentException().isThrownBy(() -> Catalogue.bug("no_such_bug"))
                .withMessageContaining("runqgrab_no_cas");
    }

    @Test
    void everyTwinIsNamedAsItsBugAndRefusesCheckedMode() {
        for (Bug b : Catalogue.withTwin()) {
            assertThat(b.twin(new Proc(1)).name()).isEqualTo(b.name());
            assertThatIllegalArgumentException().isThrownBy(() -> b.twin(new Proc(new ProcConfig().checked(true))));
        }
    }

    @Test
    void aBugWithoutTwinSaysWhy() {
        for (Bug b : Catalogue.all()) {
            if (!b.hasTwin()) {
                assertThat(b.note()).as(b.name()).isNotBlank();
            }
        }
    }
}
