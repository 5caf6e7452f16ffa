package dev.gradus.functions.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.ParameterBlock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The blocks of the models declare the packing each documents: checked element by element against
 * the parameter names, which are written from the packing independently.
 */
class ParameterBlocksTest {
  private static final Map<String, ?> TENTH = Map.of("dataset", "digits", "test_fraction", 0.9);

  private static Objective create(ObjectiveProvider provider, Map<String, ?> raw) {
    return provider.create(HyperParameters.resolve(provider, raw));
  }

  @Test
  void mlpHasOneWeightMatrixAndOneBiasPerLayerInItsPacking() {
    Objective mlp =
        create(new Mlp(), Map.of("data", TENTH, "hidden", List.of(5.0, 3.0), "batch_size", 16));
    assertEquals(
        "[W1 [64, 5], b1 [5], W2 [5, 3], b2 [3], W3 [3, 10], b3 [10]]", mlp.blocks().toString());
    ParameterBlock.requireTiling(mlp.blocks(), mlp.dimension());
    List<String> names = mlp.parameterNames();
    for (int l = 0; l < 3; l++) {
      ParameterBlock w = mlp.blocks().get(2 * l);
      ParameterBlock b = mlp.blocks().get(2 * l + 1);
      int columns = w.dim(1);
      for (int i = 0; i < w.dim(0); i++) {
        for (int j = 0; j < columns; j++) {
          assertEquals("l" + (l + 1) + ".w" + i + "_" + j, names.get(w.offset() + i * columns + j));
        }
      }
      for (int j = 0; j < b.size(); j++) {
        assertEquals("l" + (l + 1) + ".b" + j, names.get(b.offset() + j));
      }
    }
  }

  @Test
  void softmaxRegressionHasWeightsByClassThenBiases() {
    Objective softmax = create(new SoftmaxRegression(), Map.of());
    assertEquals("[W [64, 10], b [10]]", softmax.blocks().toString());
    List<String> names = softmax.parameterNames();
    assertEquals("w3_7", names.get(3 * 10 + 7));
    assertEquals("b0", names.get(softmax.blocks().get(1).offset()));
  }

  @Test
  void linearModelsHaveAWeightVectorAndAScalarBias() {
    for (ObjectiveProvider provider : List.of(new LogisticRegression(), new LinearRegression())) {
      Objective o = create(provider, Map.of());
      List<ParameterBlock> blocks = o.blocks();
      assertEquals(List.of("w", "b"), blocks.stream().map(ParameterBlock::name).toList());
      assertEquals(List.of(1), List.of(blocks.get(1).size()));
      assertEquals("b", o.parameterNames().get(blocks.get(1).offset()));
      ParameterBlock.requireTiling(blocks, o.dimension());
    }
  }
}
