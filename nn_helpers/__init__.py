"""nn_helpers — a biblioteca de apoio do curso «Redes Neurais — do zero ao Keras».

Módulos (cada um lido de cima a baixo em poucos minutos):

* ``datasets``   — dados reais com checksum e cache; a tabela ilustrativa de 3 meses;
* ``losses``     — MSE, MAE, RMSE e entropia cruzada;
* ``linear``     — o modelo linear ``ŷ = X·c + b``, mínimos quadrados e gradiente descendente;
* ``activations``— degrau, sigmoide, tanh, ReLU e companhia, cada uma com a sua derivada;
* ``perceptron`` — o perceptron de Rosenblatt;
* ``nn``         — a rede em numpy: camadas densas, dropout e o ``MLP`` com ``fit``/``predict``;
* ``optimizers`` — SGD, momentum, RMSProp e Adam;
* ``gradcheck``  — o gradiente numérico, para conferir a retropropagação;
* ``cifar``      — o CIFAR-10 real: o arquivo oficial (MD5) ou a cópia em JPEG (SHA-256);
* ``plotting``   — gráficos: dados e reta, curva e superfície do erro, caminhos, fronteiras de decisão;
* ``animations`` — animações que tocam no livro sem kernel e sem internet;
* ``diagrams``   — o desenho de uma rede (camadas, neurônios e pesos) a partir das formas do modelo;
* ``widgets``    — exploradores interativos (ipywidgets): vivos no Jupyter, uma foto no livro;
* ``validation`` — validação das entradas, com mensagens em português;
* ``grading``    — as verificações automáticas dos exercícios.
"""

__version__ = "0.1.0"
