package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Every free-text field of every step's form has a {@code doCheck} method on its descriptor (the freestyle build
 * steps show the steps' own forms), taking the value as {@code @QueryParameter}; the checks that look into the
 * workspace answer POST only, and their fields ask with POST. The checks themselves are {@link FormChecksTest}'s;
 * Jenkins' FormValidation is a stand-in here, so no doCheck is called.
 */
class FormWiringTest {
    private static final Path VIEWS = Path.of("src", "main", "resources", "io", "jenkins", "plugins", "clusterbench");
    private static final Pattern TEXT_FIELD = Pattern.compile(
            "<f:entry[^>]*field=\"(\\w+)\"[^>]*>\\s*<(?:f:textbox|f:number)([^>]*)/>");
    /** Free-text fields without a check, and why: any folder is fine, the step creates it. */
    private static final Set<String> UNCHECKED = Set.of("out");

    private static final Map<String, Class<?>> FORMS = new LinkedHashMap<>();

    static {
        FORMS.put("BenchmarkClusterStep", BenchmarkClusterStep.DescriptorImpl.class);
        FORMS.put("ApplyTuningStep", ApplyTuningStep.DescriptorImpl.class);
        FORMS.put("AssertScoreStep", AssertScoreStep.DescriptorImpl.class);
        FORMS.put("CredentialBinding", CredentialBinding.DescriptorImpl.class);
    }

    @Test
    void everyFreeTextFieldHasACheckOnItsDescriptor() throws IOException {
        List<String> missing = new ArrayList<>();
        int fields = 0;
        for (Map.Entry<String, Class<?>> form : FORMS.entrySet()) {
            for (Map.Entry<String, String> field : textFields(form.getKey()).entrySet()) {
                fields++;
                if (UNCHECKED.contains(field.getKey())) {
                    continue;
                }
                Method check = doCheck(form.getValue(), field.getKey());
                if (check == null) {
                    missing.add(form.getKey() + "." + field.getKey());
                    continue;
                }
                assertThat(check.getParameters()).as(check.toString())
                        .anySatisfy(p -> assertThat(p.getName().equals("value")
                                || p.isAnnotationPresent(QueryParameter.class)).isTrue());
                boolean post = check.isAnnotationPresent(POST.class);
                assertThat(field.getValue().contains("checkMethod=\"post\"")).as(form.getKey() + "." + field.getKey()
                        + ": the field asks with POST exactly when its check answers POST only").isEqualTo(post);
            }
        }
        assertThat(fields).as("text fields found in the forms").isGreaterThanOrEqualTo(12);
        assertThat(missing).isEmpty();
    }

    @Test
    void theChecksThatLookIntoTheWorkspaceAnswerPostOnly() {
        for (String option : List.of("spec")) {
            assertThat(doCheck(BenchmarkClusterStep.DescriptorImpl.class, option).isAnnotationPresent(POST.class))
                    .isTrue();
        }
        assertThat(doCheck(AssertScoreStep.DescriptorImpl.class, "result").isAnnotationPresent(POST.class)).isTrue();
        assertThat(doCheck(ApplyTuningStep.DescriptorImpl.class, "rollbackFrom").isAnnotationPresent(POST.class))
                .isTrue();
    }

    @Test
    void findsATextFieldWithoutACheck() {
        String view = "<f:entry title=\"${%Spec}\" field=\"spek\">\n    <f:textbox/>\n  </f:entry>";

        Matcher matcher = TEXT_FIELD.matcher(view);

        assertThat(matcher.find()).isTrue();
        assertThat(doCheck(BenchmarkClusterStep.DescriptorImpl.class, matcher.group(1))).isNull();
    }

    /** Field name to the attributes of its textbox or number input, from the form's config.jelly. */
    private static Map<String, String> textFields(String form) throws IOException {
        Matcher matcher = TEXT_FIELD.matcher(Files.readString(VIEWS.resolve(form).resolve("config.jelly")));
        Map<String, String> fields = new LinkedHashMap<>();
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2));
        }
        return fields;
    }

    private static Method doCheck(Class<?> descriptor, String field) {
        String name = "doCheck" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
        for (Method method : descriptor.getMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        return null;
    }
}
