package dev.gradus.functions.expression;

import dev.gradus.graph.Node;
import dev.gradus.graph.Ops;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.GraphObjective;
import dev.gradus.spi.KnownMinimum;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An objective written as an expression, such as {@code (x - 3)^2 + 10*(y + 1)^2}, so that users
 * can define one in a YAML file without Java. The expression is compiled into a computation graph
 * once, and gradients come from autodiff.
 *
 * <p>Variables and parameter vector: every variable of the expression is a scalar unless it is
 * declared with a size ({@link Builder#vector}) or given a list as its start ({@link
 * Builder#startVector}). The parameter vector is the concatenation of the variables: first the
 * declared ones in declaration order, then the remaining ones in order of first appearance in the
 * text. Coordinates are named {@code y} for a scalar y and {@code x[0]}, {@code x[1]}, ... for a
 * vector x.
 *
 * <p>As every {@link dev.gradus.spi.Objective}, an instance is used by one thread at a time. Only
 * graph operations can be reached from the text; see {@link Expressions} on safety.
 */
public final class ExpressionObjective extends GraphObjective {
  private final String name;
  private final String text;
  private final Expr expr;
  private final Map<String, Integer> sizes;
  private final Set<String> vectors;
  private final List<String> parameterNames;
  private final KnownMinimum knownMinimum;
  private final Domain domain;
  private final double[] start;

  private ExpressionObjective(Builder builder, Expr expr, Layout layout) {
    super(layout.dimension);
    this.name = builder.name;
    this.text = builder.text;
    this.expr = expr;
    this.sizes = layout.sizes;
    this.vectors = layout.vectors;
    this.parameterNames = layout.parameterNames;
    this.knownMinimum = builder.knownMinimum;
    this.domain = builder.domain;
    this.start = layout.start;
    requireDimension(
        "known minimizer", knownMinimum == null ? List.of() : knownMinimum.minimizers());
    if (domain != null && domain.dimension() != layout.dimension) {
      throw new IllegalArgumentException(
          name
              + ": domain has dimension "
              + domain.dimension()
              + ", but the parameters are "
              + parameterNames);
    }
    graph(); // compile now, so that unknown names and shape errors surface at construction
  }

  /** Starts the definition of objective {@code name} with the expression {@code text}. */
  public static Builder builder(String name, String text) {
    return new Builder(name, text);
  }

  /** The objective {@code text} with all its variables scalars, no start, minimum or domain. */
  public static ExpressionObjective of(String name, String text) {
    return builder(name, text).build();
  }

  /**
   * Collects the definition of an {@link ExpressionObjective}; {@link #build} checks it. Methods
   * return this builder; none accepts null.
   */
  public static final class Builder {
    private final String name;
    private final String text;
    private final Map<String, Integer> declared = new LinkedHashMap<>();
    private final Map<String, double[]> starts = new LinkedHashMap<>();
    private final Set<String> startVectors = new LinkedHashSet<>();
    private KnownMinimum knownMinimum;
    private Domain domain;

    private Builder(String name, String text) {
      this.name = Objects.requireNonNull(name, "name");
      this.text = Objects.requireNonNull(text, "text");
    }

    /** Declares a scalar variable, fixing its place in the parameter vector. */
    public Builder scalar(String variable) {
      return declare(variable, 0);
    }

    /** Declares a vector variable of {@code size} ≥ 1 elements. */
    public Builder vector(String variable, int size) {
      if (size < 1) {
        throw new IllegalArgumentException(
            name + ": vector '" + variable + "' needs a size of at least 1, got " + size);
      }
      return declare(variable, size);
    }

    /**
     * Declares a variable from a size, as YAML gives it: size 1 is a scalar, larger sizes vectors.
     */
    public Builder variable(String variable, int size) {
      return size == 1 ? scalar(variable) : vector(variable, size);
    }

    /** The start value of a scalar variable. */
    public Builder start(String variable, double value) {
      starts.put(Objects.requireNonNull(variable, "variable"), new double[] {value});
      startVectors.remove(variable);
      return this;
    }

    /** The start value of a vector variable, whose length it fixes. */
    public Builder startVector(String variable, double... values) {
      if (values.length == 0) {
        throw new IllegalArgumentException(
            name + ": start of vector '" + variable + "' needs at least one value");
      }
      starts.put(Objects.requireNonNull(variable, "variable"), values.clone());
      startVectors.add(variable);
      return this;
    }

    /** The global minimum, enabling distance-to-minimum metrics. */
    public Builder knownMinimum(KnownMinimum minimum) {
      this.knownMinimum = Objects.requireNonNull(minimum, "minimum");
      return this;
    }

    /** The search domain, over the whole parameter vector. */
    public Builder domain(Domain domain) {
      this.domain = Objects.requireNonNull(domain, "domain");
      return this;
    }

    /**
     * Parses and compiles the expression.
     *
     * @throws ExpressionException for a malformed expression, with its position
     * @throws IllegalArgumentException for declarations or starts that do not fit the expression or
     *     each other, and for a known minimum or domain of another dimension
     */
    public ExpressionObjective build() {
      Expr expr = Expressions.parse(text);
      return new ExpressionObjective(this, expr, layout(Expressions.freeVariables(expr)));
    }

    private Builder declare(String variable, int size) {
      Objects.requireNonNull(variable, "variable");
      if (declared.containsKey(variable)) {
        throw new IllegalArgumentException(name + ": variable '" + variable + "' declared twice");
      }
      declared.put(variable, size);
      return this;
    }

    private Layout layout(List<String> free) {
      for (String variable : declared.keySet()) {
        requireUsed(variable, "declared", free);
      }
      for (String variable : starts.keySet()) {
        requireUsed(variable, "given a start value", free);
      }
      List<String> order = new ArrayList<>(declared.keySet());
      for (String variable : free) {
        if (!declared.containsKey(variable)) {
          order.add(variable);
        }
      }
      Map<String, Integer> sizes = new LinkedHashMap<>();
      Set<String> vectors = new LinkedHashSet<>();
      List<String> parameterNames = new ArrayList<>();
      for (String variable : order) {
        int declaredSize = declared.getOrDefault(variable, -1); // 0 = declared scalar
        double[] startValues = starts.get(variable);
        boolean vector = declaredSize > 0 || startVectors.contains(variable);
        int size = declaredSize > 0 ? declaredSize : startValues == null ? 1 : startValues.length;
        if (declaredSize == 0 && startVectors.contains(variable)) {
          throw new IllegalArgumentException(
              name + ": variable '" + variable + "' is declared a scalar but its start is a list");
        }
        if (startValues != null && startValues.length != size) {
          throw new IllegalArgumentException(
              name
                  + ": start of '"
                  + variable
                  + "' has "
                  + startValues.length
                  + " values, but the variable has size "
                  + size);
        }
        sizes.put(variable, size);
        if (vector) {
          vectors.add(variable);
          for (int i = 0; i < size; i++) {
            parameterNames.add(variable + "[" + i + "]");
          }
        } else {
          parameterNames.add(variable);
        }
      }
      if (order.isEmpty()) {
        throw new IllegalArgumentException(
            name + ": the expression '" + text + "' has no variables to optimise");
      }
      double[] start = null;
      if (!starts.isEmpty()) {
        start = new double[parameterNames.size()];
        int offset = 0;
        for (String variable : order) {
          double[] values = starts.get(variable);
          if (values == null) {
            throw new IllegalArgumentException(
                name + ": start gives no value for variable '" + variable + "'");
          }
          System.arraycopy(values, 0, start, offset, values.length);
          offset += values.length;
        }
      }
      return new Layout(
          parameterNames.size(),
          Collections.unmodifiableMap(sizes),
          Collections.unmodifiableSet(vectors),
          List.copyOf(parameterNames),
          start);
    }

    private void requireUsed(String variable, String what, List<String> free) {
      if (!free.contains(variable)) {
        throw new IllegalArgumentException(
            name
                + ": variable '"
                + variable
                + "' is "
                + what
                + " but does not appear in the expression"
                + Compiler.suggestion(variable, free));
      }
    }
  }

  private record Layout(
      int dimension,
      Map<String, Integer> sizes,
      Set<String> vectors,
      List<String> parameterNames,
      double[] start) {}

  @Override
  protected Node build(Variable x) {
    Map<String, Node> bindings = new LinkedHashMap<>();
    int offset = 0;
    for (Map.Entry<String, Integer> entry : sizes.entrySet()) {
      int size = entry.getValue();
      bindings.put(
          entry.getKey(),
          vectors.contains(entry.getKey())
              ? Ops.slice(x, 0, offset, offset + size, 1)
              : Ops.select(x, 0, offset));
      offset += size;
    }
    Node output = Compiler.compile(expr, bindings, text);
    Expressions.requireScalar(expr, output, text);
    return output;
  }

  /** The objective's name, as given to the builder. */
  public String name() {
    return name;
  }

  /** The expression text. */
  public String expression() {
    return text;
  }

  /** The variables and their sizes, in parameter-vector order. */
  public Map<String, Integer> variables() {
    return sizes;
  }

  @Override
  public List<String> parameterNames() {
    return parameterNames;
  }

  @Override
  public Optional<KnownMinimum> knownMinimum() {
    return Optional.ofNullable(knownMinimum);
  }

  @Override
  public Optional<Domain> domain() {
    return Optional.ofNullable(domain);
  }

  @Override
  public Optional<double[]> defaultStart() {
    return start == null ? Optional.empty() : Optional.of(start.clone());
  }

  @Override
  public String toString() {
    return name + ": " + text;
  }

  private void requireDimension(String what, List<double[]> points) {
    for (double[] point : points) {
      if (point.length != dimension()) {
        throw new IllegalArgumentException(
            name
                + ": "
                + what
                + " has "
                + point.length
                + " coordinates, but the parameters are "
                + parameterNames);
      }
    }
  }
}
