package io.clusterbench.probe.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One GPU's line of {@code nvidia-smi --query-gpu=index,name,utilization.gpu,memory.used,memory.total,
 * temperature.gpu,power.draw --format=csv,noheader,nounits}; a field nvidia-smi could not read ({@code [N/A]},
 * {@code [Not Supported]}, {@code [Unknown Error]}, ...) is empty.
 *
 * @param index nvidia-smi's GPU index, as written
 * @param name the product name, such as {@code NVIDIA H100 80GB HBM3}
 * @param utilizationPct percent of the last sample period in which a kernel ran
 * @param memoryUsedMib framebuffer memory in use, MiB
 * @param memoryTotalMib framebuffer memory in total, MiB
 * @param temperatureC core temperature, degrees Celsius
 * @param powerW power draw, watts
 */
record GpuReading(String index, String name, OptionalDouble utilizationPct, OptionalDouble memoryUsedMib,
        OptionalDouble memoryTotalMib, OptionalDouble temperatureC, OptionalDouble powerW) {

    /** The query nvidia-smi runs, in the field order {@link #parse(String)} reads. */
    static final List<String> COMMAND = List.of("nvidia-smi",
            "--query-gpu=index,name,utilization.gpu,memory.used,memory.total,temperature.gpu,power.draw",
            "--format=csv,noheader,nounits");

    private static final int NUMBERS = 5;

    /**
     * Reads one line; empty when it is not a GPU line. The name is everything between the index and the five
     * numbers, so a name holding a comma still reads whole.
     */
    static Optional<GpuReading> parse(String line) {
        String[] fields = line.split(",", -1);
        if (fields.length < 2 + NUMBERS) {
            return Optional.empty();
        }
        String index = fields[0].strip();
        if (!index.matches("\\d+")) {
            return Optional.empty();
        }
        int firstNumber = fields.length - NUMBERS;
        List<String> nameParts = new ArrayList<>();
        for (int i = 1; i < firstNumber; i++) {
            nameParts.add(fields[i]);
        }
        String name = String.join(",", nameParts).strip();
        return Optional.of(new GpuReading(index, name, number(fields[firstNumber]), number(fields[firstNumber + 1]),
                number(fields[firstNumber + 2]), number(fields[firstNumber + 3]), number(fields[firstNumber + 4])));
    }

    /** Memory used as a percent of the total, when both are known and the total is not zero. */
    OptionalDouble memoryUsedPct() {
        if (memoryUsedMib.isEmpty() || memoryTotalMib.isEmpty() || memoryTotalMib.getAsDouble() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * memoryUsedMib.getAsDouble() / memoryTotalMib.getAsDouble());
    }

    /** A number, or empty for nvidia-smi's bracketed "could not read" markers and anything else not a number. */
    private static OptionalDouble number(String field) {
        String text = field.strip();
        if (text.isEmpty() || text.startsWith("[") || text.equalsIgnoreCase("N/A")) {
            return OptionalDouble.empty();
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
