"""nn_helpers — a biblioteca de apoio do curso «Redes Neurais — do zero ao Keras».

Um módulo, um trabalho (cada um lido de cima a baixo em poucos minutos):

As contas (o que os capítulos mostram com ``show_source``)
* ``losses``        — MSE, MAE, RMSE e entropia cruzada (com o seu gradiente, ao lado);
* ``linear``        — o modelo linear ``ŷ = X·c + b``, mínimos quadrados e gradiente descendente;
* ``activations``   — degrau, sigmoide, tanh, ReLU e companhia, cada uma com a sua derivada;
* ``perceptron``    — o perceptron de Rosenblatt;
* ``nn``            — a rede em numpy: camadas densas, dropout e o ``MLP`` (``fit``/``predict``);
* ``optimizers``    — SGD, momentum, RMSProp e Adam;
* ``gradcheck``     — o gradiente numérico, para conferir a retropropagação.

Os dados
* ``download``      — baixar um arquivo uma vez, conferir o checksum, guardar no cache;
* ``datasets``      — os conjuntos reais (Advertising, dígitos, MNIST) e a tabela de 3 meses;
* ``cifar``         — o CIFAR-10 real: o arquivo oficial (MD5) ou a cópia em JPEG (SHA-256);
* ``toy_data``      — dados sintéticos em 2-D (XOR, círculos, espirais, nuvens), ditos sintéticos;
* ``preprocessing`` — one-hot, divisão treino/teste e padronização.

As figuras e o livro
* ``plotting``      — gráficos: dados e reta, curva e superfície do erro, caminhos, fronteiras;
* ``regions``       — as regiões de decisão (grade, cores, pontos), usadas por todas as figuras;
* ``animations``    — animações que tocam no livro sem kernel e sem internet;
* ``diagrams``      — o desenho de uma rede (camadas, neurônios e pesos) a partir do modelo;
* ``widgets``       — exploradores interativos (ipywidgets): vivos no Jupyter, uma foto no livro;
* ``book``          — ``show_source``, números com vírgula (``br``) e a barra de progresso.

A fronteira
* ``validation``    — as conferências de argumentos que todo módulo usa, com mensagens em português;
* ``doors``         — ``@checked``: a conferência na frente de cada conta pública;
* ``nn_checks``     — as conferências das portas de ``nn`` (para ``nn.py`` ler-se só com as contas);
* ``grading``       — as verificações automáticas dos exercícios e o corretor da turma.

Treinar: um objeto treinável segue o scikit-learn (``fit`` devolve o próprio objeto; o que o treino
aprendeu ou registrou fica em atributos terminados em ``_``: ``w_``, ``errors_``, ``history_``);
uma função de treino (``linear.gradient_descent``) devolve o que calculou.
"""

__version__ = "0.1.0"
